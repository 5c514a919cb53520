/**
 * How a report says which speed it used for a shaft and where it came from, per language
 * (shared/diagnosis/speed/speedsUsed.ts makes the codes).
 */
import type { Language } from '../../api/contract.ts';
import type { SpeedUsedItem } from '../../diagnosis/speed/speedsUsed.ts';

type Params<C extends SpeedUsedItem['code']> = Extract<SpeedUsedItem, { code: C }>['params'];

export interface SpeedWords {
  readonly 'speed-given': (p: Params<'speed-given'>) => string;
  readonly 'speed-estimated': (p: Params<'speed-estimated'>) => string;
  readonly 'speed-profile': (p: Params<'speed-profile'>) => string;
}

const rpm = (value: number) => String(Math.round(value));
const confidence = (value: number) => value.toFixed(2);

export const SPEED_WORDS: Readonly<Record<Language, SpeedWords>> = {
  en: {
    'speed-given': (p) => `${p.shaftId} ${rpm(p.rpm)} rpm, given with --rpm`,
    'speed-estimated': (p) =>
      `${p.shaftId} ${rpm(p.rpm)} rpm, estimated from the sound (confidence ${confidence(p.confidence)})`,
    'speed-profile': (p) =>
      p.confidence === undefined
        ? `${p.shaftId} ${rpm(p.rpm)} rpm, the profile's nominal speed`
        : `${p.shaftId} ${rpm(p.rpm)} rpm, the profile's nominal speed (the estimate from the sound was too uncertain: confidence ${confidence(p.confidence)})`,
  },
  'zh-CN': {
    'speed-given': (p) => `${p.shaftId} ${rpm(p.rpm)} r/min，由 --rpm 指定`,
    'speed-estimated': (p) =>
      `${p.shaftId} ${rpm(p.rpm)} r/min，由声音估计（置信度 ${confidence(p.confidence)}）`,
    'speed-profile': (p) =>
      p.confidence === undefined
        ? `${p.shaftId} ${rpm(p.rpm)} r/min，设备档案中的额定转速`
        : `${p.shaftId} ${rpm(p.rpm)} r/min，设备档案中的额定转速（由声音估计的转速不够可靠：置信度 ${confidence(p.confidence)}）`,
  },
};

/** The heading of the speeds in a text report. */
export const SPEEDS_HEADING: Readonly<Record<Language, string>> = {
  en: 'Shaft speeds used:',
  'zh-CN': '采用的转速：',
};
