import type { MessageKey, MessageParams, ReceiptLanguage, ReportCopy } from '@shared/contract';
import { translator, type Translate } from '@shared/i18n';
import type { ReportDocumentInput, ReportSection } from '@shared/reports/document';
import { formatParkDateTime } from '@shared/rules/time';

/** What a printable A4 record of one case is made for: which copy, in which language(s), by whom, when. */
export interface ReportContext {
  copy: ReportCopy;
  language: ReceiptLanguage;
  parkName: string;
  timeZone: string;
  printedBy: string;
  now: number;
}

const zh = translator('zh-CN');
const en = translator('en');
/** The page label keeps its slots for the renderer to fill. */
const PAGE_SLOTS = { page: '{{page}}', pages: '{{pages}}' };
/** "Page n of m" in both languages, for the records printed bilingual (the handover ledger, the day's reports). */
export const BILINGUAL_PAGE_LABEL = `${zh('reports.page', PAGE_SLOTS)} · ${en('reports.page', PAGE_SLOTS)}`;

/**
 * How a report speaks in its language setting: one language, or Chinese and English side by side
 * (`bilingual`). The same for every record the park prints on A4 (incidents, complaints).
 */
export function reportVoice(context: Pick<ReportContext, 'language' | 'timeZone'>) {
  const bilingual = context.language === 'bilingual';
  const one: Translate = context.language === 'en' ? en : zh;
  /** A label or a short value in the report's language(s). */
  const say = (key: MessageKey, params?: MessageParams): string => (bilingual ? `${zh(key, params)} ${en(key, params)}` : one(key, params));
  /** A composed phrase (timeline lines): each language on its own line, once when both read the same (people's own words). */
  const phrase = (make: (t: Translate) => string): string => {
    if (!bilingual) return make(one);
    const [chinese, english] = [make(zh), make(en)];
    return chinese === english ? chinese : `${chinese}\n${english}`;
  };
  return {
    say,
    phrase,
    time: (at: number | null): string => (at === null ? '—' : formatParkDateTime(at, context.timeZone)),
    colon: context.language === 'zh-CN' ? '：' : ': ',
    /** Names in a row: 、 between them in Chinese (and both languages), commas in English. */
    list: (items: readonly string[]): string => items.join(context.language === 'en' ? ', ' : '、'),
    /** "Page n of m", its numbers filled in by the renderer (the placeholders pass through the catalog unchanged). */
    pageLabel: bilingual ? BILINGUAL_PAGE_LABEL : one('reports.page', PAGE_SLOTS),
  };
}

/** What one case's A4 record says of itself; the rest (copy, footer, pages, park) comes from its context. */
export interface CaseReportBody {
  /** The case's own number, printed in every page's corner. */
  reference: string;
  title: string;
  /** What the subtitle says after the copy: the case's kind, its place. */
  about: readonly string[];
  meta: ReportDocumentInput['meta'];
  sections: ReportSection[];
  /** The lines to sign; by default the staff member in charge, and the visitor (their copy) or the duty manager (the file's). */
  signatures?: ReportDocumentInput['signatures'];
}

/**
 * A printable record of one case (an incident, a complaint, a found item) as a report document: which
 * copy it is in the subtitle and the footer, who printed it and when, its pages, the park's name.
 */
export function caseReport(context: ReportContext, body: CaseReportBody): ReportDocumentInput {
  const { say, time, pageLabel } = reportVoice(context);
  const visitor = context.copy === 'visitor';
  const copyLabel = say(visitor ? 'reports.visitorCopy' : 'reports.fileCopy');
  return {
    parkName: context.parkName,
    reference: body.reference,
    title: body.title,
    subtitle: [copyLabel, ...body.about].join(' · '),
    meta: body.meta,
    sections: body.sections,
    signatures: body.signatures ?? [say('reports.signStaff'), say(visitor ? 'reports.signVisitor' : 'reports.signManager')],
    footer: `${say('reports.printed', { time: time(context.now), name: context.printedBy })} · ${copyLabel}`,
    pageLabel,
    info: { author: context.parkName, createdAt: context.now },
  };
}
