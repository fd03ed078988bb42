import { PNG } from 'pngjs';
import type { FieldError } from '@shared/contract';
import { AppError } from '../errors';

/**
 * What a signature pad sends is only a PNG data URL to the contract (`shared/contract/lostFound.ts`):
 * a blank pad is a perfectly good PNG. Here the picture is decoded and its ink counted: a pixel
 * that is mostly opaque and clearly darker than the pad's white. Fewer than `MIN_INK_PIXELS` is no
 * signature (a blank pad, or a tap); a short name drawn with the finger has hundreds.
 */
export const MIN_INK_PIXELS = 30;
const OPAQUE = 128;
/** Luminance (0 to 255) below which a pixel is ink rather than the paper or a speck of noise. */
const DARK = 160;

/** The decoded PNG bytes of a `data:image/png;base64,…` URL. */
export function pngOf(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** The number of ink pixels in a signature; undefined when it is not a PNG that can be read. */
export function inkPixels(dataUrl: string): number | undefined {
  let image: PNG;
  try {
    image = PNG.sync.read(pngOf(dataUrl));
  } catch {
    return undefined;
  }
  const { data } = image;
  let ink = 0;
  for (let index = 0; index < data.length; index += 4) {
    const alpha = data[index + 3] ?? 0;
    if (alpha < OPAQUE) continue;
    const luminance = 0.299 * (data[index] ?? 0) + 0.587 * (data[index + 1] ?? 0) + 0.114 * (data[index + 2] ?? 0);
    if (luminance < DARK) ink += 1;
  }
  return ink;
}

/**
 * Refuses, naming each field, the signatures in `fields` that carry no ink (or are no PNG at all);
 * nothing has been written when this throws.
 */
export function requireInk(fields: Record<string, string>): void {
  const blank: Record<string, FieldError> = {};
  for (const [field, dataUrl] of Object.entries(fields)) {
    const ink = inkPixels(dataUrl);
    if (ink === undefined) blank[field] = { key: 'validation.signature' };
    else if (ink < MIN_INK_PIXELS) blank[field] = { key: 'validation.signatureBlank' };
  }
  if (Object.keys(blank).length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', undefined, blank);
}
