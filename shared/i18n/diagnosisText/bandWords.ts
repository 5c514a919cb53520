/** The band a verdict rests on, when a recording's is narrower than its baseline's (a phone). */
import type { Language } from '../../api/contract.ts';
import type { JudgedBand } from '../../diagnosis/report.ts';

const hz = (value: number) => `${Math.round(value)}`;

export const BAND_WORDS: Readonly<Record<Language, (band: JudgedBand) => string>> = {
  en: (band) =>
    `Judged on ${hz(band.params.lowHz)}–${hz(band.params.highHz)} Hz: ` +
    (band.code === 'phone-band'
      ? 'a phone recording; faults heard only outside this band cannot be told.'
      : 'the band this recording shares with the baseline.'),
  'zh-CN': (band) =>
    `仅依据 ${hz(band.params.lowHz)}–${hz(band.params.highHz)} Hz 判断：` +
    (band.code === 'phone-band'
      ? '这是电话录音，只在此频带之外出现的故障无法判断。'
      : '这是该录音与基准共有的频带。'),
};
