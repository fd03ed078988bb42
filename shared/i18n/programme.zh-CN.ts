import type { Strings } from './types';
import type { programmeEn } from './programme.en';

/** Programme（中文）。 */
export const programmeZhCN: Strings<typeof programmeEn> = {
  audit: {
    placeholder: '每日节目',
  },
};
