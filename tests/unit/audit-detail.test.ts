import { describe, expect, it } from 'vitest';
import { translator, type Language } from '@shared/i18n';
import { formatYuan } from '@shared/rules/money';
import { formatParkDateTime } from '@shared/rules/time';
import { auditDetailLines, type DetailFormat } from '../../renderer/src/features/audit/detail';

/** The staff and item types the audit page knows by id (from `staff.list` and `rentals.board`). */
const STAFF: Record<number, string> = { 1: '王经理（M001）', 3: '李娜（C01）', 4: '张柜台（C02）' };
const TYPES: Record<number, string> = { 1: '轮椅' };

/** The audit page's formats, for the park in Shanghai; `names: false` before the lists have loaded. */
const lines = (language: Language, action: string, detail: Record<string, unknown>, options: { names?: boolean; record?: DetailFormat['record'] } = {}) =>
  auditDetailLines(action, detail, {
    t: translator(language),
    stamp: (at) => formatParkDateTime(at, 'Asia/Shanghai', { seconds: true }),
    money: (fen) => (language === 'zh-CN' ? `¥${formatYuan(fen)}` : `CNY ${formatYuan(fen)}`),
    ...(options.names === false ? {} : { name: (ref, id) => (ref === 'staff' ? STAFF[id] : TYPES[id]) }),
    ...(options.record ? { record: options.record } : {}),
  });

// 2026-11-29 14:05:09 in Shanghai.
const AT = Date.UTC(2026, 10, 29, 6, 5, 9);

describe('the audit detail in words', () => {
  it('words an incident report in Chinese and in English: its nature, its place as typed, its time as the park reads it', () => {
    const detail = { nature: 'injury', location: '过山车入口', occurredAt: AT, owner: 3 };
    expect(lines('zh-CN', 'incidents.report', detail)).toEqual(['性质：受伤', '地点：过山车入口', '事发时间：2026-11-29 14:05:09', '负责人：李娜（C01）']);
    expect(lines('en', 'incidents.report', detail)).toEqual(['Nature: Injury', 'Where: 过山车入口', 'Occurred: 2026-11-29 14:05:09', 'Owner: 李娜（C01）']);
  });

  it('names staff members and item types by name, not by their database ids', () => {
    // A unit added: its type by name ("物品类型编号：1" before).
    expect(lines('zh-CN', 'rentals.unitAdd', { tag: 'WC-101', typeId: 1 })).toEqual(['物品编号：WC-101', '物品类型：轮椅']);
    expect(lines('en', 'rentals.unitAdd', { tag: 'WC-101', typeId: 1 })).toEqual(['Tag: WC-101', 'Item type: 轮椅']);
    // A hand-over from one owner to another, a return approved by a manager, a found item counted by two.
    expect(lines('zh-CN', 'incidents.handOver', { from: 3, to: 4, note: '交班' })).toEqual(['负责人：李娜（C01） → 张柜台（C02）', '备注：交班']);
    expect(lines('en', 'rentals.return', { condition: 'good', refundFen: 30000, keptFen: 0, approvedBy: 1 })).toContain('Approved by: 王经理（M001）');
    expect(lines('en', 'lostFound.intake', { countedBy: [3, 4] })).toEqual(['Counted by: 李娜（C01）, 张柜台（C02）']);
    // Never a bare id: before the names have loaded, a number said as one.
    expect(lines('en', 'incidents.report', { owner: 3 }, { names: false })).toEqual(['Owner: No. 3']);
    expect(lines('zh-CN', 'rentals.unitAdd', { typeId: 1 }, { names: false })).toEqual(['物品类型：编号 1']);
  });

  it("leaves out a detail naming the row's own record again (the set-up's manager, who signs out of the kiosk)", () => {
    const record = { entity: 'staff', entityId: '1' };
    expect(lines('en', 'setup.complete', { parkName: '阳光水世界', defaultLanguage: 'zh-CN', timeZone: 'Asia/Shanghai', staffId: 1 }, { record })).toEqual([
      'Park name: 阳光水世界',
      'Default language: 中文',
      'Time zone: Asia/Shanghai',
    ]);
    expect(lines('zh-CN', 'kiosk.leave', { by: 1 }, { record })).toEqual([]);
    // Another record's staff member stays, by name.
    expect(lines('en', 'kiosk.leave', { by: 3 }, { record })).toEqual(['By: 李娜（C01）']);
  });

  it("words a complaint's step as one change of status, with the reason there is no return visit", () => {
    const detail = { from: 'responded', to: 'closed', noFollowUp: 'declined' };
    expect(lines('zh-CN', 'complaints.close', detail)).toEqual(['状态：已答复 → 已结案', '不回访原因：游客表示不需要回访']);
    expect(lines('en', 'complaints.close', detail)).toEqual(['Status: Responded → Closed', 'No return visit: The visitor declined it']);
    // An escalation's from and to are levels, an incident's statuses: the action decides.
    expect(lines('en', 'complaints.escalate', { from: 'frontline', to: 'dutyManager', reason: 'Angry' })).toEqual(['Level: Frontline → Duty manager', 'Reason: Angry']);
    expect(lines('en', 'incidents.status', { from: 'open', to: 'handled' })).toEqual(['Status: Open → Handled']);
  });

  it('words the codes of a new complaint and of a paging request by their domain', () => {
    expect(lines('zh-CN', 'complaints.create', { channel: 'walkIn', category: 'rides', group: false, severity: 'high' })).toEqual(['渠道：现场', '类别：游乐项目', '群体性投诉：否', '严重程度：严重']);
    expect(lines('en', 'paging.register', { kind: 'summonHead', priority: 2, source: 'complaint' })).toEqual(['Kind: Summon department head', 'Priority: 2', 'Source: Complaint']);
    expect(lines('zh-CN', 'complaints.feedback', { kind: 'demand', channel: 'commentCard', category: 'facilities' })).toEqual(['类型：需求', '渠道：意见卡', '类别：设施设备']);
    expect(lines('en', 'complaints.summaryClose', { late: false, total: 1, open: 0, feedback: 2 })).toContainEqual('Opinions and requests: 2');
    expect(lines('zh-CN', 'complaints.followUp', { from: 'responded', to: 'followedUp', satisfaction: 'partly' })).toContainEqual(`${translator('zh-CN')('complaints.fields.satisfaction')}：${translator('zh-CN')('complaints.satisfaction.partly')}`);
    expect(lines('en', 'maintenance.personalDataErased', { complaints: 0, feedback: 1 })).toEqual(['Complaints: 0', 'Opinions and requests: 1']);
    // The same key in another domain: an incident's channel is how a party was reached.
    expect(lines('en', 'incidents.notify', { party: 'medical', channel: 'radio', first: true })).toEqual(['Party: Medical', 'Channel: Radio', 'First notification: Yes']);
  });

  it('words each field of nested changes as "field: from → to", with the same words for fields and values', () => {
    const complaint = { changes: { category: ['rides', 'food'], complainant_name: ['王', '王芳'], phone: 'changed' } };
    expect(lines('zh-CN', 'complaints.update', complaint)).toEqual(['类别：游乐项目 → 餐饮', '投诉人：王 → 王芳', '电话：已修改']);
    expect(lines('en', 'complaints.update', complaint)).toEqual(['Category: Rides → Food', 'Complainant: 王 → 王芳', 'Phone: changed']);
    expect(lines('en', 'staff.update', { changes: { role: ['counter', 'manager'], active: [1, 0] } })).toEqual(['Role: Counter → Duty manager', 'Active: Active → Disabled']);
    expect(lines('en', 'programme.slotEdit', { start: '10:00', changes: { kind: { from: 'music', to: 'activity' } } })).toEqual(['Start: 10:00', 'Kind: Music → Park activities']);
  });

  it('keeps a change of settings, money and an instant readable', () => {
    expect(lines('en', 'settings.update', { closingTime: { from: '18:00', to: '19:30' }, defaultLanguage: { from: 'zh-CN', to: 'en' } })).toEqual([
      'Closing time: 18:00 → 19:30',
      'Default language: 中文 → English',
    ]);
    expect(lines('zh-CN', 'rentals.return', { condition: 'damaged', refundFen: 30000, keptFen: 2000 })).toEqual(['归还状况：损坏', '退还：¥300.00', '扣押金额：¥20.00']);
    expect(lines('zh-CN', 'auth.locked', { failed: 5, lockedUntil: AT })).toEqual(['PIN 码错误次数：5', '锁定至：2026-11-29 14:05:09']);
  });

  it('reads a boolean as yes or no in the language', () => {
    expect(lines('zh-CN', 'programme.check', { ok: true, inTime: false })).toEqual(['正常：是', '按时：否']);
    expect(lines('en', 'programme.check', { ok: true, inTime: false })).toEqual(['OK: Yes', 'In time: No']);
  });

  it('falls back to the raw key and value where the catalog has no words, and lists and nests in the language', () => {
    expect(lines('en', 'future.thing', { mysteryKey: 'someCode', count: 3 })).toEqual(['mysteryKey: someCode', 'Count: 3']);
    // A code the branch does not know stays as it is.
    expect(lines('en', 'incidents.report', { nature: 'meteor' })).toEqual(['Nature: meteor']);
    expect(lines('zh-CN', 'complaints.summaryClose', { files: ['a.pdf', 'b.pdf'], late: true })).toEqual(['文件：a.pdf、b.pdf', '超时：是']);
    expect(lines('zh-CN', 'rentals.shiftClose', { cash: { expectedFen: 5000, countedFen: 4900, reason: '找零' } })).toEqual(['现金：应有：¥50.00，实点：¥49.00，原因：找零']);
  });
});
