import { fieldErrorsOf, settingsSchema, type settingsMethods } from '@shared/contract';
import { actorOf, type HandlersFor, type Services } from '../context';
import { AppError } from '../errors';
import { readSettings, writeSettings } from './store';

export function settingsHandlers(services: Services): HandlersFor<keyof typeof settingsMethods> {
  const { db } = services;
  return {
    'settings.get': () => readSettings(db),

    'settings.update': (patch, ctx) => {
      const current = readSettings(db);
      const parsed = settingsSchema.safeParse({ ...current, ...patch }, { reportInput: true });
      if (!parsed.success) throw new AppError('VALIDATION', 'errors.VALIDATION', undefined, fieldErrorsOf(parsed.error));
      const next = { ...parsed.data, eventDays: [...parsed.data.eventDays].sort(), holidaysNotShifted: [...parsed.data.holidaysNotShifted].sort() };
      const changed = writeSettings(db, next, current, ctx.now, actorOf(ctx).id);
      if (changed.length > 0) {
        const detail = Object.fromEntries(changed.map((key) => [key, { from: current[key], to: next[key] }]));
        ctx.audit({ action: 'settings.update', entity: 'setting', entityId: changed.join(','), detail });
        ctx.emit('settings.changed', { keys: changed });
      }
      return next;
    },
  };
}
