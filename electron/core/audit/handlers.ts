import type { auditMethods } from '@shared/contract';
import type { HandlersFor, Services } from '../context';
import { listAudit } from './store';

export function auditHandlers(services: Services): HandlersFor<keyof typeof auditMethods> {
  return {
    'audit.list': (input) => listAudit(services.db, input),
  };
}
