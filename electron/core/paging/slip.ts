import type { PagingView } from '@shared/contract';
import { translator, type MessageKey } from '@shared/i18n';
import type { Block, PrintDocument } from '@shared/printing/document';
import { pagingRef } from '@shared/rules/paging';
import { formatParkDateTime } from '@shared/rules/time';

const zh = translator('zh-CN');
const en = translator('en');
const both = (key: MessageKey) => `${zh(key)} ${en(key)}`;

/** The paging slip: what to announce, in both languages, with the time it was registered. */
export function pagingSlip(request: PagingView, context: { parkName: string; timeZone: string }): PrintDocument {
  const blocks: Block[] = [
    { type: 'text', text: context.parkName, align: 'center', bold: true },
    { type: 'text', text: both('paging.slip.title'), align: 'center', bold: true, size: 'double' },
    { type: 'rule' },
    { type: 'pair', left: both('paging.slip.number'), right: pagingRef(request.id), bold: true },
    { type: 'pair', left: both('paging.slip.kind'), right: both(`paging.kinds.${request.kind}`) },
    { type: 'pair', left: both('paging.slip.registered'), right: formatParkDateTime(request.createdAt, context.timeZone) },
    { type: 'pair', left: both('paging.slip.by'), right: request.createdBy?.name ?? '' },
    { type: 'rule' },
    { type: 'text', text: request.scriptZh },
  ];
  if (request.scriptEn) blocks.push({ type: 'feed', lines: 1 }, { type: 'text', text: request.scriptEn });
  blocks.push({ type: 'rule' }, { type: 'feed', lines: 2 }, { type: 'cut' });
  return { kind: 'paging-slip', ref: pagingRef(request.id), blocks };
}
