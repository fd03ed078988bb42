import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { addStaff, chooseLanguage, expect, MANAGER, setUpPark, signIn, test } from './fixtures';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.x A and AA) on the page and returns what it finds. */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await runner.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

// axe is injected as an inline script, which the app's CSP forbids: this context bypasses the CSP for the check only.
test.use({ bypassCSP: true });

test('set-up, sign-in and every role home pass WCAG AA checks in both languages', async ({ page, station }) => {
  // Nine pages checked with axe in one run: on a loaded 2-core machine that takes longer than one page's test.
  test.setTimeout(120_000);
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: '欢迎使用 ParkDesk' })).toBeVisible();
  expect(await axe(page)).toEqual([]);

  const admin = await setUpPark(station);
  await addStaff(station, admin, { code: 'C01', name: '张柜台', role: 'counter', pin: '1111' });
  await addStaff(station, admin, { code: 'B01', name: '陈广播', role: 'broadcast', pin: '2222' });
  for (const language of ['zh-CN', 'en'] as const) {
    for (const person of [
      { name: '张柜台', pin: '1111' },
      { name: '陈广播', pin: '2222' },
      { name: MANAGER.name, pin: MANAGER.pin },
    ]) {
      await page.goto(station.url);
      await chooseLanguage(page, language);
      await expect(page.getByRole('button', { name: new RegExp(`^${person.name}`) })).toBeVisible();
      expect(await axe(page), `sign-in (${language})`).toEqual([]);
      await signIn(page, person.name, person.pin);
      await expect(page.getByTestId('user-menu')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await axe(page), `${person.name} home (${language})`).toEqual([]);
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: language === 'en' ? 'Sign out' : '退出登录' }).click();
    }
  }
  // Signed out: the roster is back (in English) before a name is chosen, as in the loop above.
  await expect(page.getByRole('heading', { name: 'Who is at the counter?' })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^${MANAGER.name}`) })).toBeVisible();
  await signIn(page, MANAGER.name, MANAGER.pin);
  for (const section of ['Staff', 'Settings', 'Audit log']) {
    await page.getByRole('navigation').getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible();
    expect(await axe(page), section).toEqual([]);
  }
});
