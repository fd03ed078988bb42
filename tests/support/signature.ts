import { PNG } from 'pngjs';

/** A picture as the signature pad sends it: a white pad of the pad's size, as a PNG data URL. */
function pad(draw: (set: (x: number, y: number) => void) => void, width = 320, height = 120): string {
  const image = new PNG({ width, height });
  image.data.fill(255);
  draw((x, y) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const at = (Math.round(y) * width + Math.round(x)) * 4;
    image.data[at] = 17;
    image.data[at + 1] = 17;
    image.data[at + 2] = 17;
  });
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
}

/** A drawn signature, as the signature pad sends it: a real PNG with two strokes of dark ink. */
export const SIGNATURE = pad((set) => {
  for (let x = 30; x < 230; x += 0.5) {
    const y = 60 + Math.sin(x / 14) * 24;
    for (let dy = -1.5; dy <= 1.5; dy += 1) set(x, y + dy);
  }
  for (let t = 0; t < 1; t += 0.005) for (let d = -1; d <= 1; d += 1) set(120 + t * 90 + d, 25 + t * 70);
});

/** The same pad with nothing drawn on it: a real, valid PNG, and no signature. */
export const BLANK_SIGNATURE = pad(() => undefined);
