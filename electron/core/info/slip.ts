import type { InfoEntryView, SlipLanguage } from '@shared/contract';
import { translator } from '@shared/i18n';
import type { Block, PrintDocument } from '@shared/printing/document';
import { formatParkDateTime } from '@shared/rules/time';

const zh = translator('zh-CN');
const en = translator('en');

/** An answer printed for the visitor: the park, the title and the text in their language (or both), and when. */
export function infoSlip(entry: InfoEntryView, language: SlipLanguage, context: { parkName: string; timeZone: string; now: number }): PrintDocument {
  const part = (lang: 'zh-CN' | 'en'): Block[] => [
    { type: 'text', text: lang === 'zh-CN' ? entry.titleZh : entry.titleEn, bold: true, size: 'tall' },
    { type: 'text', text: lang === 'zh-CN' ? entry.shownZh : entry.shownEn },
  ];
  const footer = language === 'en' ? en('info.slip.footer') : language === 'zh-CN' ? zh('info.slip.footer') : `${zh('info.slip.footer')} ${en('info.slip.footer')}`;
  const blocks: Block[] = [
    { type: 'text', text: context.parkName, align: 'center', bold: true },
    { type: 'rule' },
    ...(language === 'en' ? part('en') : part('zh-CN')),
    ...(language === 'both' ? [{ type: 'feed', lines: 1 } as const, ...part('en')] : []),
    { type: 'rule' },
    { type: 'text', text: `${footer}\n${formatParkDateTime(context.now, context.timeZone)}`, align: 'center' },
    { type: 'feed', lines: 2 },
    { type: 'cut' },
  ];
  return { kind: 'info-slip', ref: `I${entry.id}`, blocks };
}
