import type { en } from '@shared/i18n/en';
import { isMessageKey, type MessageKey, type Translate } from '@shared/i18n';

/** A branch of the catalog (an object of words), e.g. `complaints.statuses`. */
type Branches<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${P}${K}` | Branches<T[K], `${P}${K}.`>;
}[keyof T & string];
export type WordBranch = Branches<typeof en>;

/** A record a detail names by its database id: a staff member, an item type. */
export type DetailRef = 'staff' | 'itemType';

/** The audit row's entity kind of each reference (`staff`, `item_type`). */
const REF_ENTITY: Readonly<Record<DetailRef, string>> = { staff: 'staff', itemType: 'item_type' };

/**
 * How a detail key reads: its label (else `audit.fields.<key>`, else the key), the branch wording its
 * codes, or the record its id names (read by name: `负责人：李娜（C01）`, not `负责人：3`).
 */
export interface KeyWords {
  label?: MessageKey;
  values?: WordBranch;
  ref?: DetailRef;
}

const status = (values: WordBranch): KeyWords => ({ label: 'audit.fields.status', values });
const labelled = (label: MessageKey): KeyWords => ({ label });
const staffRef: KeyWords = { ref: 'staff' };

/**
 * What the audit rows' detail keys mean, by where they are written (`ctx.audit` in electron/core):
 * for a row of action `complaints.escalate` the words of `complaints.escalate`, then of its domain
 * `complaints`, then of every row (`*`). The same table words the fields of a nested `changes`.
 */
export const DETAIL_WORDS: Readonly<Record<string, Readonly<Record<string, KeyWords>>>> = {
  '*': {
    role: { values: 'roles' },
    language: { values: 'lang' },
    defaultLanguage: { values: 'lang' },
    receiptLanguage: { values: 'lang' },
    payment: { values: 'rentals.payment' },
    condition: { values: 'rentals.condition' },
    idType: { values: 'rentals.idTypes' },
    // Staff members and item types by their id: worded by name.
    staffId: staffRef,
    by: staffRef,
    owner: staffRef,
    approvedBy: staffRef,
    countedBy: staffRef,
    escortStaffId: staffRef,
    typeId: { ref: 'itemType' },
  },
  'access.denied': { reason: { values: 'audit.values.refusals' } },
  staff: { active: { values: 'audit.values.active' } },
  // The printer's connection inside the settings: `{ kind: 'tcp', host, port }`.
  settings: { kind: { values: 'printer.settings.kind' } },
  stations: { name: labelled('audit.entities.station') },
  incidents: {
    nature: { values: 'incidents.nature' },
    party: { values: 'incidents.party' },
    channel: { values: 'incidents.channel' },
    role: { values: 'incidents.statementRole' },
    from: status('incidents.status'),
    to: status('incidents.status'),
  },
  'incidents.handOver': { from: { label: 'audit.fields.owner', ref: 'staff' }, to: { label: 'audit.fields.owner', ref: 'staff' } },
  'incidents.pdf': { copy: { values: 'audit.values.reportCopies' } },
  'complaints.pdf': { copy: { values: 'audit.values.reportCopies' } },
  complaints: {
    channel: { values: 'complaints.channels' },
    category: { values: 'complaints.categories' },
    severity: { values: 'complaints.severities' },
    noFollowUp: { values: 'complaints.noFollowUpReasons' },
    phone: { values: 'audit.values.phone' },
    from: status('complaints.statuses'),
    to: status('complaints.statuses'),
    // A return visit: how the visitor found the handling.
    satisfaction: { label: 'complaints.fields.satisfaction', values: 'complaints.satisfaction' },
    // A summary's close: how many opinions and requests it fed back.
    feedback: labelled('complaints.feedback.inSummary'),
  },
  'complaints.feedback': { kind: { values: 'complaints.feedback.kinds' } },
  'complaints.feedbackUpdate': { kind: { values: 'complaints.feedback.kinds' } },
  'complaints.escalate': { from: { label: 'audit.fields.level', values: 'complaints.levels' }, to: { label: 'audit.fields.level', values: 'complaints.levels' } },
  'complaints.calendar': { kind: { values: 'complaints.calendar.kinds' } },
  paging: { kind: { values: 'paging.kinds' }, source: { values: 'audit.values.pagingSources' }, from: labelled('audit.fields.text'), to: labelled('audit.fields.text') },
  lostFound: {
    category: { values: 'lostFound.categories' },
    decision: { values: 'audit.values.matchDecisions' },
    from: labelled('audit.fields.holdingDays'),
    to: labelled('audit.fields.holdingDays'),
  },
  rentals: { result: { values: 'audit.values.inspection' } },
  'rentals.shiftClose': {
    cash: labelled('rentals.payment.cash'),
    wechat: labelled('rentals.payment.wechat'),
    alipay: labelled('rentals.payment.alipay'),
    card: labelled('rentals.payment.card'),
  },
  approvals: { kind: { values: 'approvals.kinds' } },
  dayClose: { kind: { values: 'dayClose.attention' } },
  maintenance: {
    reason: { values: 'maintenance.reasons' },
    rentals: labelled('maintenance.kinds.rentals'),
    claims: labelled('maintenance.kinds.claims'),
    lostReports: labelled('maintenance.kinds.lostReports'),
    finders: labelled('maintenance.kinds.finders'),
    complaints: labelled('maintenance.kinds.complaints'),
    feedback: labelled('maintenance.kinds.feedback'),
  },
  programme: { kind: { values: 'programme.kinds' } },
  printer: { kind: { values: 'printer.jobs.kinds' }, connection: { values: 'printer.settings.kind' } },
  // `changed` lists the names of the fields edited.
  info: { topic: { values: 'info.topics' }, changed: { values: 'audit.fields' } },
};

/** Detail keys holding an instant (ms): `occurredAt`, `expiresAt`, `lockedUntil`, the retention's `cutoff`. */
const isInstantKey = (key: string) => key.endsWith('At') || key.endsWith('Until') || key === 'cutoff';

/** A value's change, `{ from, to }` and nothing else (a moved slot's `{ id, from, to }` lists its entries). */
const isChange = (value: object): value is { from: unknown; to: unknown } => {
  const keys = Object.keys(value);
  return keys.length === 2 && 'from' in value && 'to' in value;
};

const camelCase = (key: string) => key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

export interface DetailFormat {
  t: Translate;
  /** An instant as the park's time. */
  stamp(at: number): string;
  /** An amount in fen, with its unit. */
  money(fen: number): string;
  /** A staff member (`李娜（C01）`) or an item type (`轮椅`) by its id; undefined while not known. */
  name?(ref: DetailRef, id: number): string | undefined;
  /** The row's record: a detail naming the same record again (the set-up's own manager) is left out. */
  record?: { entity: string | null; entityId: string | null };
}

/**
 * A row's detail in words, one line an entry: `性质：受伤`, `状态：已回复 → 已结案` (a `from` and `to`
 * as one change), a nested `changes` a line a field (`{ field: [from, to] }` or `{ field: { from, to } }`).
 * A code is worded by the branch DETAIL_WORDS names for its key, a boolean as yes or no, an amount in
 * fen (its key ends in `Fen`) as money, an instant as the park's time, a staff member's or an item
 * type's id by name (the record's own id, named in the Record column already, is left out); free text
 * and other numbers stay.
 */
export function auditDetailLines(action: string, detail: Record<string, unknown>, format: DetailFormat): string[] {
  const { t } = format;
  const dot = action.indexOf('.');
  const scopes = [DETAIL_WORDS[action], dot > 0 ? DETAIL_WORDS[action.slice(0, dot)] : undefined, DETAIL_WORDS['*']];
  const wordsOf = (key: string): KeyWords => scopes.find((scope) => scope?.[key])?.[key] ?? {};

  const label = (key: string): string => {
    const own = wordsOf(key).label;
    if (own) return t(own);
    const field = `audit.fields.${camelCase(key)}`;
    return isMessageKey(field) ? t(field) : key;
  };
  const line = (key: string, value: string) => t('audit.detailLine', { label: label(key), value });

  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (Array.isArray(value)) return value.length ? value.map((item) => show(key, item)).join(t('audit.detailList')) : '—';
    if (typeof value === 'object') {
      const entries = Object.entries(value);
      if (isChange(value)) return `${show(key, value.from)} → ${show(key, value.to)}`;
      return entries.length ? entries.map(([inner, innerValue]) => line(inner, show(inner, innerValue))).join(t('audit.detailJoin')) : '—';
    }
    if (typeof value === 'number' && key.endsWith('Fen')) return format.money(value);
    if (typeof value === 'number' && isInstantKey(key)) return format.stamp(value);
    const ref = wordsOf(key).ref;
    if (ref && typeof value === 'number') return format.name?.(ref, value) ?? t('audit.refNo', { id: value });
    const branch = wordsOf(key).values;
    const word = branch ? `${branch}.${String(value)}` : '';
    if (isMessageKey(word)) return t(word);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  /** A field of `changes`: `[from, to]`, `{ from, to }`, or a word for it (a phone: "changed"). */
  const change = (key: string, value: unknown) => (Array.isArray(value) && value.length === 2 ? `${show(key, value[0])} → ${show(key, value[1])}` : show(key, value));

  /** The record of the row itself, by a detail's id (`staffId` of the set-up's manager, who is the row's record). */
  const isOwnRecord = (key: string, value: unknown) => {
    const ref = wordsOf(key).ref;
    const record = format.record;
    return ref !== undefined && record !== undefined && record.entity === REF_ENTITY[ref] && record.entityId !== null && String(value) === record.entityId;
  };

  return Object.entries(detail).flatMap(([key, value]): string[] => {
    if (isOwnRecord(key, value)) return [];
    if (key === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value).map(([field, fieldValue]) => line(field, change(field, fieldValue)));
    }
    if (key === 'from' && 'to' in detail) {
      const { label: own } = wordsOf('from');
      return [t('audit.detailLine', { label: t(own ?? 'audit.fields.change'), value: `${show('from', value)} → ${show('to', detail.to)}` })];
    }
    if (key === 'to' && 'from' in detail) return [];
    return [line(key, show(key, value))];
  });
}
