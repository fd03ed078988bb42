/**
 * Installs a Web Audio stand-in on `scope` (a machine without a sound card): every tone a chime
 * starts is recorded in `scope.__tones`, which it returns. Self-contained, so a browser page can run
 * it as an init script (`context.addInitScript(installCountingAudio)`); installed again it keeps the
 * same list, as a page keeps its one audio context.
 */
export function installCountingAudio(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): number[] {
  const tones: number[] = Array.isArray(scope.__tones) ? (scope.__tones as number[]) : [];
  class CountingAudioContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      const oscillator = { frequency: { value: 0 }, connect: (node: unknown) => node, start: () => tones.push(oscillator.frequency.value), stop: () => undefined };
      return oscillator;
    }
    createGain() {
      return { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (node: unknown) => node };
    }
  }
  Object.assign(scope, { __tones: tones, AudioContext: CountingAudioContext });
  return tones;
}
