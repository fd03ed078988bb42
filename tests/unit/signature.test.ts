import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { inkPixels, MIN_INK_PIXELS, requireInk } from '../../electron/core/lostFound/signature';
import { signature } from '@shared/contract';
import { BLANK_SIGNATURE, SIGNATURE } from '../support/signature';

const dataUrl = (image: PNG) => `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;

describe('the ink of a signature', () => {
  it('finds the strokes of a drawn signature, and none on a blank pad that the contract alone accepts', () => {
    expect(inkPixels(SIGNATURE)).toBeGreaterThan(300);
    expect(inkPixels(BLANK_SIGNATURE)).toBe(0);
    // The blank pad is a real PNG long enough for the contract's shape check: only decoding tells.
    expect(signature.safeParse(BLANK_SIGNATURE).success).toBe(true);
  });

  it('counts neither a transparent canvas, a pale smudge nor a single tap as ink', () => {
    const transparent = new PNG({ width: 200, height: 80 });
    transparent.data.fill(0);
    expect(inkPixels(dataUrl(transparent))).toBe(0);
    const smudge = new PNG({ width: 200, height: 80 });
    smudge.data.fill(235);
    expect(inkPixels(dataUrl(smudge))).toBe(0);
    const tap = new PNG({ width: 200, height: 80 });
    tap.data.fill(255);
    for (const at of [0, 1, 2, 3, 4, 5]) tap.data.fill(0, (40 * 200 + 100 + at) * 4, (40 * 200 + 100 + at) * 4 + 3);
    expect(inkPixels(dataUrl(tap))).toBeLessThan(MIN_INK_PIXELS);
  });

  it('refuses blank and unreadable signatures by field, and lets a signed one through', () => {
    expect(() => requireInk({ finderSignature: SIGNATURE })).not.toThrow();
    try {
      requireInk({ finderSignature: BLANK_SIGNATURE, receiverSignature: 'data:image/png;base64,AAAA', ownerSignature: SIGNATURE });
      expect.fail('a blank signature passed');
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION', fields: { finderSignature: { key: 'validation.signatureBlank' }, receiverSignature: { key: 'validation.signature' } } });
    }
  });
});
