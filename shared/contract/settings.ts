import { z } from 'zod';
import { minutesOfDay } from '../rules/time';
import { DEFAULT_PRINTER_SETTINGS, printerSettingsSchema } from '../printing/settings';
import { isoDate, language, timeOfDay, timeZone } from './common';
import { MANAGERS, ANY_STAFF, emptyInput, method } from './define';
import { rule } from './validation';
import { DEFAULT_LAN_PORT } from '../rules/stations';

export const RECEIPT_LANGUAGES = ['zh-CN', 'en', 'bilingual'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

export const settingsFields = z.object({
  parkName: z.string().trim().min(1).max(60),
  defaultLanguage: language,
  receiptLanguage: z.enum(RECEIPT_LANGUAGES),
  timeZone,
  openingTime: timeOfDay,
  closingTime: timeOfDay,
  complaintSummaryDeadline: timeOfDay,
  printer: printerSettingsSchema,
  eventDays: z.array(isoDate).max(366),
  /** Official public holidays that keep the programme on its normal times (the others air 15 minutes earlier). */
  holidaysNotShifted: z.array(isoDate).max(366),
  idleSignOutMinutes: z.number().int().min(1).max(240),
  /** The broadcast room watches its queue from across the room, touching the screen only when a slip comes: its own, longer idle limit. */
  broadcastIdleSignOutMinutes: z.number().int().min(10).max(1440),
  lockoutMinutes: z.number().int().min(1).max(120),
  kioskMode: z.boolean(),
  /** Where backups go (a second disk or a network share); empty: `backups` in the data folder. */
  backupDir: z
    .string()
    .trim()
    .max(400)
    .refine((value) => value === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value), rule('validation.absolutePath')),
  /** How many backups the folder keeps (the oldest go first). */
  backupKeep: z.number().int().min(3).max(500),
  /** Days after a record closes before its ID and phone numbers are erased. */
  retentionDays: z.number().int().min(30).max(3650),
  /** The counter also listens on the park LAN (HTTPS) for paired stations. */
  sharingEnabled: z.boolean(),
  sharingPort: z.number().int().min(1024).max(65535),
});

/** The whole settings record, with its cross-field rules. */
export const settingsSchema = settingsFields.strict().superRefine((s, ctx) => {
  if (minutesOfDay(s.closingTime) <= minutesOfDay(s.openingTime)) {
    ctx.addIssue({ code: 'custom', path: ['closingTime'], input: s.closingTime, message: 'validation.closingAfterOpening' });
  }
  for (const key of ['eventDays', 'holidaysNotShifted'] as const) {
    const seen = new Set<string>();
    s[key].forEach((day, index) => {
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path: [key, index], input: day, message: 'validation.duplicateDate' });
      seen.add(day);
    });
  }
  s.holidaysNotShifted.forEach((day, index) => {
    if (s.eventDays.includes(day)) ctx.addIssue({ code: 'custom', path: ['holidaysNotShifted', index], input: day, message: 'validation.eventDayNotShifted' });
  });
});
export type Settings = z.output<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** A change to some settings: the merged result is validated again as a whole. */
export const settingsPatch = settingsFields.partial().strict();

export const DEFAULT_SETTINGS: Settings = {
  parkName: 'ParkDesk',
  defaultLanguage: 'zh-CN',
  receiptLanguage: 'bilingual',
  timeZone: 'Asia/Shanghai',
  openingTime: '09:00',
  closingTime: '18:00',
  complaintSummaryDeadline: '20:30',
  printer: DEFAULT_PRINTER_SETTINGS,
  eventDays: [],
  holidaysNotShifted: [],
  idleSignOutMinutes: 10,
  broadcastIdleSignOutMinutes: 720,
  lockoutMinutes: 5,
  kioskMode: false,
  backupDir: '',
  backupKeep: 48,
  retentionDays: 90,
  sharingEnabled: false,
  sharingPort: DEFAULT_LAN_PORT,
};

export const settingsMethods = {
  'settings.get': method({
    summary: 'The park settings.',
    access: ANY_STAFF,
    mode: 'read',
    input: emptyInput,
    output: settingsSchema,
  }),
  'settings.update': method({
    summary: 'Change some settings; the result is validated as a whole and audited key by key.',
    access: MANAGERS,
    mode: 'write',
    input: settingsPatch,
    output: settingsSchema,
  }),
};
