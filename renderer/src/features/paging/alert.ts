let context: AudioContext | undefined;

/**
 * A two-tone chime for a new paging slip, made with Web Audio (no sound file, nothing to load).
 * Browsers allow sound once the page has had a user gesture; the operator signed in, so it has.
 */
export function playChime(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.28, 660],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.5);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.55);
    }
  } catch {
    // No audio device: the slip is still shown and highlighted.
  }
}

/** Reads a script aloud with the system's speech synthesis, in its language. */
export function speak(text: string, language: 'zh-CN' | 'en'): boolean {
  if (!('speechSynthesis' in window)) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language === 'zh-CN' ? 'zh-CN' : 'en-US';
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
  return true;
}

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
}
