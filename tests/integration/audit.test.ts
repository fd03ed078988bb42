import { describe, expect, it } from 'vitest';
import type { AuditRow } from '@shared/contract';
import { ADMIN, addStaff, makeCore, setUpPark, type TestCore } from '../support/core';

/** The newest audit row of an action, as the audit log's screen gets it. */
async function newest(test: TestCore, token: string, action: string): Promise<AuditRow> {
  const page = await test.ok('audit.list', { limit: 50, action }, token);
  const row = page.rows[0];
  if (!row) expect.fail(`no audit row for ${action}`);
  return row;
}

describe('the audit log names each record in words', () => {
  it('names the settings changed by their labels in both languages, not by their keys', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('settings.update', { idleSignOutMinutes: 15, closingTime: '19:30' }, admin);

    const row = await newest(test, admin, 'settings.update');
    // The raw reference stays for whoever needs it; the screen reads the label.
    expect(row.entity).toBe('setting');
    expect(row.entityId?.split(',').sort()).toEqual(['closingTime', 'idleSignOutMinutes']);
    expect(row.entityLabel?.en.split(', ').sort()).toEqual(['Closing time', 'Idle sign-out (min)']);
    expect(row.entityLabel?.['zh-CN'].split('、').sort()).toEqual(['无操作自动退出（分钟）', '闭园时间'].sort());
    expect(JSON.stringify(row.entityLabel)).not.toMatch(/idleSignOutMinutes|closingTime/);
  });

  it('names a staff member by name and staff code, the set-up manager included', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const clerk = await addStaff(test, admin, { code: 'C01', name: '李娜', role: 'counter', pin: '1357' });
    await test.ok('staff.update', { id: clerk.id, name: '李娜娜' }, admin);

    const created = await newest(test, admin, 'staff.create');
    expect(created.entityId).toBe(String(clerk.id));
    // The staff member as they are now (renamed since), with the code that says who they are.
    expect(created.entityLabel).toEqual({ 'zh-CN': '李娜娜（C01）', en: '李娜娜 (C01)' });
    expect((await newest(test, admin, 'staff.update')).entityLabel?.en).toBe('李娜娜 (C01)');
    expect((await newest(test, admin, 'setup.complete')).entityLabel).toEqual({ 'zh-CN': `${ADMIN.name}（${ADMIN.code}）`, en: `${ADMIN.name} (${ADMIN.code})` });
  });

  it('names a unit by its asset tag and type, an item type by its name, in each language', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const wheelchair = (await test.ok('rentals.board', {}, admin)).types.find((type) => type.code === 'wheelchair');
    if (!wheelchair) expect.fail('no wheelchair type');
    const unit = await test.ok('rentals.units.add', { typeId: wheelchair.id, tag: 'wc-101' }, admin);
    await test.ok('rentals.types.save', { id: wheelchair.id, code: 'wheelchair', nameZh: '轮椅', nameEn: 'Wheelchair', depositFen: 30000, active: true, handOut: false }, admin);

    const added = await newest(test, admin, 'rentals.unitAdd');
    expect(added.entityId).toBe(String(unit.id));
    expect(added.entityLabel).toEqual({ 'zh-CN': 'WC-101（轮椅）', en: 'WC-101 (Wheelchair)' });
    expect((await newest(test, admin, 'rentals.typeEdit')).entityLabel).toEqual({ 'zh-CN': '轮椅', en: 'Wheelchair' });
  });

  it('names a paging request by its kind and the reference its card and slip carry', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    const { id } = await test.ok('paging.register', { clientRef: 'audit-paging-1', details: { kind: 'general', textZh: '请注意：园区将于 18:00 闭园。' } }, admin);
    expect((await newest(test, admin, 'paging.register')).entityLabel).toEqual({ 'zh-CN': `通知广播（P${id}）`, en: `Announcement (P${id})` });
  });

  it('leaves a record whose number reads as it is, and keeps ID-card and phone numbers out of every label', async () => {
    const test = makeCore();
    const admin = await setUpPark(test);
    await test.ok('incidents.report', { reporterName: '李先生', reporterPhone: '138 1234 5678', nature: 'injury', location: '波浪池东侧台阶' }, admin);
    const incident = await newest(test, admin, 'incidents.report');
    expect(incident.entityId).toMatch(/^I\d{8}-\d{2,}$/);
    expect(incident.entityLabel).toBeNull();

    const all = await test.ok('audit.list', { limit: 200 }, admin);
    expect(JSON.stringify(all.rows.map((row) => row.entityLabel))).not.toMatch(/138|5678/);
  });
});
