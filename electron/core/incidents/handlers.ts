import type { incidentsMethods } from '@shared/contract';
import type { HandlersFor, Services } from '../context';

export function incidentsHandlers(_services: Services): HandlersFor<keyof typeof incidentsMethods> {
  return {};
}
