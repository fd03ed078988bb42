import type { Strings } from './types';
import type { incidentsEn } from './incidents.en';

/** Incidents（中文）。 */
export const incidentsZhCN: Strings<typeof incidentsEn> = {
  audit: {
    placeholder: '突发事件',
  },
};
