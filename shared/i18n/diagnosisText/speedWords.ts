/**
 * How a report says which speed it used for a shaft and where it came from, per language
 * (shared/diagnosis/speed/speedsUsed.ts makes the codes).
 */
import type { Language } from '../../api/contract.ts';
import type { OutsideSpeeds } from '../../diagnosis/baseline/baselineAtSpeed.ts';
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

type OutsideParams = OutsideSpeeds['params'];

/** A recording outside the speeds of its baseline: the verdict and what to do. */
export interface OutsideSpeedsWords {
  readonly verdict: (p: OutsideParams) => string;
  readonly action: string;
}

export const OUTSIDE_SPEEDS_WORDS: Readonly<Record<Language, OutsideSpeedsWords>> = {
  en: {
    verdict: (p) =>
      `Outside the speeds of the baseline: ${p.shaftId} at ${rpm(p.rpm)} rpm, the baseline covers ${rpm(p.lowRpm)}–${rpm(p.highRpm)} rpm. No fault was judged.`,
    action:
      'Record again at a speed the baseline covers, or add healthy recordings at this speed to the baseline.',
  },
  'zh-CN': {
    verdict: (p) =>
      `超出基线的转速范围：${p.shaftId} 为 ${rpm(p.rpm)} r/min，基线覆盖 ${rpm(p.lowRpm)}–${rpm(p.highRpm)} r/min。未判断故障。`,
    action: '请在基线覆盖的转速下重新录音，或将此转速下的健康录音加入基线。',
  },
};
