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

/** The scripts' languages as speech synthesis names them. */
export const SPEECH_LANGUAGES = { 'zh-CN': 'zh-CN', en: 'en-US' } as const;
export type ScriptLanguage = keyof typeof SPEECH_LANGUAGES;

const tag = (lang: string) => lang.replace('_', '-').toLowerCase();

/**
 * The system voice that reads a script's language: one for exactly that language and region first
 * (Mandarin of the mainland before Cantonese or Taiwan), else any of the language; undefined when
 * the system has none (the default voice then reads it with the utterance's language).
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], language: ScriptLanguage): SpeechSynthesisVoice | undefined {
  const wanted = tag(SPEECH_LANGUAGES[language]);
  const base = wanted.split('-')[0] ?? wanted;
  return voices.find((voice) => tag(voice.lang) === wanted) ?? voices.find((voice) => tag(voice.lang).split('-')[0] === base);
}

/** Reads a script aloud with the system's speech synthesis, in its language; false where there is none. */
export function speak(text: string, language: ScriptLanguage): boolean {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return false;
  const synthesis = window.speechSynthesis;
  synthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = SPEECH_LANGUAGES[language];
  const voice = pickVoice(synthesis.getVoices(), language);
  if (voice) utterance.voice = voice;
  utterance.rate = 0.9;
  synthesis.speak(utterance);
  return true;
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}

/** A slip as the alert needs it: which one, and what kind (for the notice's words). */
export interface SlipRef<K extends string = string> {
  id: number;
  kind: K;
}

/**
 * Which paging slips are news to this screen, and the alert for them: the first queue a screen
 * sees is what was already there when the operator signed in (no alarm); after that every slip it
 * has not seen, whether a live event announced it or it turned up in the queue fetched again after
 * a reconnect (registered while this station was offline), sounds the chime (unless the sound is
 * off) and is shown once.
 */
export class SlipWatch<K extends string = string> {
  private readonly seen = new Set<number>();
  private baseline = false;

  constructor(private readonly alert: { sound(): boolean; show(slips: Array<SlipRef<K>>): void; showEdited?(slip: SlipRef<K>): void }) {}

  /** The open slips as the queue shows them now (on every fetch, including after a resync). */
  queue(slips: ReadonlyArray<SlipRef<K>>): void {
    if (!this.baseline) {
      this.baseline = true;
      for (const slip of slips) this.seen.add(slip.id);
      return;
    }
    this.arrived(slips);
  }

  /** Slips a live event says were just registered. */
  arrived(slips: ReadonlyArray<SlipRef<K>>): void {
    const news = slips.filter((slip) => !this.seen.has(slip.id));
    if (news.length === 0) return;
    for (const slip of news) this.seen.add(slip.id);
    if (this.alert.sound()) playChime();
    this.alert.show(news);
  }

  /**
   * A slip the counter changed: news when this screen already showed it (its words may have been
   * read already); one it never saw is announced as new when it arrives.
   */
  edited(slip: SlipRef<K>): void {
    if (!this.seen.has(slip.id)) return;
    if (this.alert.sound()) playChime();
    this.alert.showEdited?.(slip);
  }
}
