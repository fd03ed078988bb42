import type { MessageKey, MessageParams, ReceiptLanguage, ReportCopy } from '@shared/contract';
import { translator, type Translate } from '@shared/i18n';
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
    pageLabel: bilingual ? `${zh('reports.page', PAGE_SLOTS)} · ${en('reports.page', PAGE_SLOTS)}` : one('reports.page', PAGE_SLOTS),
    /** The footer: printed when and by whom, and which copy. */
    footer: (copyLabel: string, now: number, printedBy: string): string => `${say('reports.printed', { time: formatParkDateTime(now, context.timeZone), name: printedBy })} · ${copyLabel}`,
  };
}
