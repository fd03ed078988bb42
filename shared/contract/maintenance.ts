import { fatalProblem } from './system';
import { z } from 'zod';
import { epochMs, pin } from './common';
import { MANAGERS, emptyInput, event, method } from './define';
import { rule } from './validation';

/** Why a backup was written: the hourly job, the day close, a manager's button, or just before a restore. */
export const BACKUP_REASONS = ['hourly', 'dayClose', 'manual', 'beforeRestore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup's file name in the backup folder: `parkdesk-20261129-1700-hourly.sqlite` (never a path). */
export const backupName = z.string().regex(/^parkdesk-\d{8}-\d{6}-[a-zA-Z]+\.sqlite$/, rule('validation.backupName'));

export const backupView = z.object({
  name: backupName,
  reason: z.enum(BACKUP_REASONS),
  at: epochMs,
  bytes: z.number().int().nonnegative(),
  /** `PRAGMA integrity_check` on the written file said `ok`. */
  checked: z.boolean(),
  schemaVersion: z.number().int().nonnegative(),
  /** Records in the backup, for the manager to recognise it. */
  rentals: z.number().int().nonnegative(),
});
export type BackupView = z.output<typeof backupView>;

export const backupsState = z.object({
  folder: z.string(),
  keep: z.number().int(),
  /** The newest checked backup, and when the next hourly one is due. */
  lastAt: epochMs.nullable(),
  nextDueAt: epochMs,
  /** The folder cannot be written (a missing share, a full disk): said on screen, never hidden. */
  problem: z.string().nullable(),
  rows: z.array(backupView),
});
export type BackupsState = z.output<typeof backupsState>;

/** What the retention job erases: personal data of records closed longer than the retention period. */
export const RETENTION_KINDS = ['rentals', 'claims', 'lostReports', 'finders', 'complaints', 'feedback'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export const retentionCounts = z.object(Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, z.number().int().nonnegative()])) as Record<RetentionKind, z.ZodNumber>);
export type RetentionCounts = z.output<typeof retentionCounts>;

export const retentionState = z.object({
  days: z.number().int(),
  /** Records closed before this instant have their ID and phone numbers erased. */
  cutoff: epochMs,
  due: retentionCounts,
  lastRunAt: epochMs.nullable(),
  lastErased: retentionCounts.nullable(),
});
export type RetentionState = z.output<typeof retentionState>;

/** Restoring replaces the database: the manager confirms with their own PIN. */
export const restoreInput = z.object({ name: backupName, pin }).strict();
export type RestoreInput = z.input<typeof restoreInput>;

export const maintenanceMethods = {
  'backups.list': method({
    summary: 'The backup folder: its backups (newest first), each checked after writing; when the next hourly one is due.',
    access: MANAGERS,
    mode: 'read',
    input: emptyInput,
    output: backupsState,
  }),
  'backups.run': method({
    summary: 'Write a backup now with SQLite’s online backup, check it with integrity_check, keep the newest ones.',
    access: MANAGERS,
    mode: 'custom',
    input: emptyInput,
    output: backupView,
  }),
  'backups.restore': method({
    summary: 'Replace the database with a backup (checked first); the current database is backed up first. Everyone signs in again.',
    access: MANAGERS,
    mode: 'custom',
    input: restoreInput,
    output: z.object({ restored: backupView, keptAside: backupView }),
  }),
  'retention.status': method({
    summary: 'How many closed records have personal data due for erasure, and the last erasure.',
    access: MANAGERS,
    mode: 'read',
    input: emptyInput,
    output: retentionState,
  }),
  'retention.run': method({
    summary: 'Erase now the ID and phone numbers of closed rentals, claims, lost reports, finders and complaints past retention; records and figures stay.',
    access: MANAGERS,
    mode: 'custom',
    input: emptyInput,
    output: retentionCounts,
  }),
} as const;

export const maintenanceEvents = {
  'backups.changed': event({
    summary: 'A backup was written, pruned or restored, or the retention job erased personal data.',
    payload: z.object({ name: z.string().nullable() }),
    affects: ['backups.list', 'retention.status'],
  }),
  'system.damaged': event({
    summary: 'The integrity check run after opening a large database found it damaged: the counter refuses every call; screens show what to do.',
    payload: fatalProblem,
    affects: ['system.info'],
  }),
  'system.restored': event({
    summary: 'The database was replaced by a backup: every screen starts again from sign-in.',
    payload: z.object({ name: z.string(), at: epochMs }),
    affects: [],
  }),
};
