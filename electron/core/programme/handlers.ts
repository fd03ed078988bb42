import type { programmeMethods } from '@shared/contract';
import type { HandlersFor, Services } from '../context';

export function programmeHandlers(_services: Services): HandlersFor<keyof typeof programmeMethods> {
  return {};
}
