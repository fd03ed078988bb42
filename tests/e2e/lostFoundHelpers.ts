import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import type { Input } from '../../shared/contract';
import { SIGNATURE } from '../support/signature';
import { expect, screen } from './fixtures';

/** Park time on 2026-11-29 (Asia/Shanghai, UTC+8). */
export const START = '2026-11-29T02:00:00Z';

export const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

/** A child's coat found at the carousel, on shelf B-2, no cash: an intake for the screens that count lost property. */
export function foundCoat(clientRef: string, foundAt: number): Input<'lostFound.intake'> {
  return {
    clientRef,
    category: 'clothing',
    description: '蓝色儿童外套',
    foundPlace: '旋转木马',
    foundAt,
    finderName: '赵保洁',
    cashFen: 0,
    storageKind: 'shelf',
    storagePlace: 'B-2',
    finderSignature: SIGNATURE,
    receiverSignature: SIGNATURE,
  };
}

/**
 * Switches the language with the header's toggle, also while a dialog is open (a click on the page
 * behind a dialog would close it): the toggle's radio gets the click event directly.
 */
export async function setLanguage(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page
    .locator('header')
    .getByRole('radio', { name: language === 'en' ? 'English' : '中文' })
    .dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Screenshots of what is on screen in both languages at 1280x800 and 1920x1080; back to Chinese at 1280 after. */
export async function shots(page: Page, name: string): Promise<void> {
  // Notices of the last action would cover what the screenshots are for.
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click({ force: true }).catch(() => undefined);
  for (const language of ['zh-CN', 'en'] as const) {
    await setLanguage(page, language);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await screen(page, `lost-found-${name}-${language === 'en' ? 'en' : 'zh'}-${size.name}`);
    }
  }
  await setLanguage(page, 'zh-CN');
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Signs on a signature pad with the mouse: two strokes, like a short name. */
export async function drawSignature(page: Page, pad: Locator): Promise<void> {
  const canvas = pad.locator('canvas');
  // In the middle of the screen: notices stack up in the bottom corner and would take the strokes.
  await canvas.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await canvas.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const left = box.x + 30;
  const middle = box.y + box.height * 0.5;
  await page.mouse.move(left, middle);
  await page.mouse.down();
  for (let step = 1; step <= 8; step += 1) await page.mouse.move(left + step * 24, middle + Math.sin(step / 1.2) * 28, { steps: 3 });
  await page.mouse.up();
  await page.mouse.move(left + 60, middle - 35);
  await page.mouse.down();
  await page.mouse.move(left + 90, middle + 30, { steps: 4 });
  await page.mouse.move(left + 140, middle - 20, { steps: 4 });
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-signed', 'true');
}

/** A small real picture, as a camera or a file would give (PNG, made by the browser). */
export async function picture(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d');
    if (!ctx) return '';
    ctx.fillStyle = '#2b2b2b';
    ctx.fillRect(0, 0, 320, 240);
    ctx.fillStyle = '#8b5a2b';
    ctx.fillRect(40, 60, 240, 130);
    return canvas.toDataURL('image/png').split(',')[1] ?? '';
  });
  return Buffer.from(base64, 'base64');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.x A and AA) on the page; the page's context must bypass the CSP (axe is an inline script). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await runner.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}
