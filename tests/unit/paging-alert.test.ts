import { afterEach, describe, expect, it, vi } from 'vitest';
import { installCountingAudio } from '../support/audio';
import { pickVoice, SlipWatch, speak, type SlipRef } from '../../renderer/src/features/paging/alert';

interface Spoken {
  text: string;
  lang: string;
  voice: SpeechSynthesisVoice | null;
  rate: number;
}

/** A speech synthesis with the voices given, recording what it was asked to say. */
function stubSpeech(voices: Array<Pick<SpeechSynthesisVoice, 'lang' | 'name'>>) {
  const spoken: Spoken[] = [];
  const synthesis = { cancel: vi.fn(), getVoices: () => voices, speak: (utterance: Spoken) => spoken.push(utterance) };
  class Utterance {
    lang = '';
    voice: SpeechSynthesisVoice | null = null;
    rate = 1;
    constructor(readonly text: string) {}
  }
  vi.stubGlobal('window', { speechSynthesis: synthesis });
  vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
  return { spoken, synthesis };
}

afterEach(() => vi.unstubAllGlobals());

const VOICES = [
  { name: 'Sin-ji', lang: 'zh-HK' },
  { name: 'Daniel', lang: 'en-GB' },
  { name: 'Ting-Ting', lang: 'zh_CN' },
  { name: 'Samantha', lang: 'en-US' },
];

describe('reading a script aloud', () => {
  it('reads the Chinese script in Mandarin of the mainland, the English one in English, each stopping what was being read', () => {
    const { spoken, synthesis } = stubSpeech(VOICES);
    expect(speak('各位游客请注意', 'zh-CN')).toBe(true);
    expect(speak('Attention please', 'en')).toBe(true);
    expect(spoken.map((u) => [u.text, u.lang, u.voice?.name])).toEqual([
      ['各位游客请注意', 'zh-CN', 'Ting-Ting'],
      ['Attention please', 'en-US', 'Samantha'],
    ]);
    expect(synthesis.cancel).toHaveBeenCalledTimes(2);
    expect(spoken.every((u) => u.rate < 1)).toBe(true);
  });

  it('takes any voice of the language when the region is missing, and the default voice when there is none', () => {
    expect(pickVoice([VOICES[0], VOICES[1]] as SpeechSynthesisVoice[], 'zh-CN')?.name).toBe('Sin-ji');
    expect(pickVoice([VOICES[0], VOICES[1]] as SpeechSynthesisVoice[], 'en')?.name).toBe('Daniel');
    const { spoken } = stubSpeech([{ name: 'Daniel', lang: 'en-GB' }]);
    speak('各位游客请注意', 'zh-CN');
    expect(spoken[0]).toMatchObject({ lang: 'zh-CN', voice: null });
  });

  it('says so where the system has no speech synthesis', () => {
    vi.stubGlobal('window', {});
    expect(speak('各位游客请注意', 'zh-CN')).toBe(false);
  });
});

/** The Web Audio stand-in, its tones counted from the start of each test. */
function stubAudio(): number[] {
  const tones = installCountingAudio();
  tones.length = 0;
  return tones;
}

describe('the alert for new paging slips', () => {
  const slip = (id: number): SlipRef => ({ id, kind: 'general' });

  it('stays quiet for what was in the queue at sign-in, chimes and shows each slip once when it arrives', () => {
    const tones = stubAudio();
    const shown: number[][] = [];
    const watch = new SlipWatch({ sound: () => true, show: (slips) => shown.push(slips.map((s) => s.id)) });
    watch.queue([slip(1), slip(2)]);
    expect(tones).toEqual([]);
    watch.arrived([slip(3)]);
    expect(tones).toEqual([880, 660]);
    // The queue fetched again after the live event: nothing new in it.
    watch.queue([slip(1), slip(2), slip(3)]);
    watch.arrived([slip(3)]);
    expect(shown).toEqual([[3]]);
    expect(tones).toHaveLength(2);
  });

  it('alerts after a reconnect for the slips registered while the station was offline, not for those it had', () => {
    const tones = stubAudio();
    const shown: number[][] = [];
    const watch = new SlipWatch({ sound: () => true, show: (slips) => shown.push(slips.map((s) => s.id)) });
    watch.queue([slip(1)]);
    // Offline: slips 2 and 3 were registered, 1 was closed; the queue after the resync shows 2 and 3.
    watch.queue([slip(2), slip(3)]);
    expect(shown).toEqual([[2, 3]]);
    expect(tones).toEqual([880, 660]);
  });

  it('shows a new slip without the chime while the sound is off', () => {
    const tones = stubAudio();
    let sound = false;
    const shown: number[][] = [];
    const watch = new SlipWatch({ sound: () => sound, show: (slips) => shown.push(slips.map((s) => s.id)) });
    watch.queue([]);
    watch.arrived([slip(7)]);
    expect(shown).toEqual([[7]]);
    expect(tones).toEqual([]);
    sound = true;
    watch.arrived([slip(8)]);
    expect(tones).toEqual([880, 660]);
  });

  it('chimes and shows a slip the counter changed once this screen has shown it; one it never saw waits to arrive as new', () => {
    const tones = stubAudio();
    const edited: number[] = [];
    const watch = new SlipWatch({ sound: () => true, show: () => undefined, showEdited: (changed) => edited.push(changed.id) });
    watch.queue([slip(1)]);
    watch.edited(slip(1));
    expect(edited).toEqual([1]);
    expect(tones).toEqual([880, 660]);
    watch.edited(slip(2));
    expect(edited).toEqual([1]);
    expect(tones).toHaveLength(2);
  });
});
