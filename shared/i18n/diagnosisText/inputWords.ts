/**
 * The words of the input check (shared/diagnosis/inputCheck.ts) and of the score's scale, in
 * English and Simplified Chinese: what is wrong with the recording, and what to do about it.
 */
import type { Language } from '../../api/contract.ts';
import type { InputProblemCode, InputProblemParams, ScoreScale } from '../../diagnosis/report.ts';
import { db, stat } from './numbers.ts';

type Reasons = { readonly [C in InputProblemCode]: (params: InputProblemParams[C]) => string };

export interface InputWords {
  /** "No usable signal: check the microphone". */
  unusable(shortAction: string): string;
  /** "Recording warning: …". */
  warning(reason: string, shortAction: string): string;
  readonly reasons: Reasons;
  /** The one thing to do, short enough for a headline. */
  readonly shortActions: Readonly<Record<InputProblemCode, string>>;
  /** What to do, in full. */
  readonly actions: Readonly<Record<InputProblemCode, string>>;
  scale(scale: ScoreScale, threshold: string): string;
}

function seconds(value: number): string {
  return value.toFixed(value < 10 ? 2 : 1);
}

const EN: InputWords = {
  unusable: (shortAction) => `No usable signal: ${shortAction}`,
  warning: (reason, shortAction) => `Recording warning: ${reason}; ${shortAction}`,
  reasons: {
    'digital-silence': (p) => `the recording is digital silence (${seconds(p.durationSeconds)} s)`,
    'dead-microphone': (p) =>
      `the level is ${db(p.levelDb)} dB re full scale, below ${db(p.minLevelDb)} dB: only the input's own noise`,
    'too-quiet': (p) =>
      `the level is ${db(p.levelDb)} dB re full scale, too close to the format's quantisation (at least ${db(p.minLevelDb)} dB needed)`,
    'too-short': (p) =>
      `${seconds(p.durationSeconds)} s is too short for the baseline's frequency resolution (at least ${seconds(p.minSeconds)} s)`,
    clipping: (p) => `${p.clippedPercent} % of the samples are clipped`,
    dropouts: (p) =>
      `the signal drops out ${p.count} ${p.count === 1 ? 'time' : 'times'} (longest ${seconds(p.longestSeconds)} s)`,
    'automatic-gain': (p) =>
      `the background level rises and falls by ${stat(p.floorSpreadDb)} dB: the device's automatic gain is on`,
    'dc-offset': (p) => `the signal sits on an offset of ${p.offset} (its own RMS is ${p.acRms})`,
  },
  shortActions: {
    'digital-silence': 'check the microphone',
    'dead-microphone': 'check the microphone',
    'too-quiet': 'record closer or raise the input gain',
    'too-short': 'record longer',
    clipping: 'lower the input gain',
    dropouts: 'record again',
    'automatic-gain': 'turn automatic gain off',
    'dc-offset': 'check the microphone input',
  },
  actions: {
    'digital-silence':
      'Check the microphone: is it connected, switched on, chosen as the input and not muted? Then record again.',
    'dead-microphone':
      'Check the microphone: its cable, its power (phantom power or battery) and the input chosen. Then record again.',
    'too-quiet':
      'Hold the microphone closer to the machine or raise the input gain, then record again.',
    'too-short': 'Record for longer: at least the time given, while the machine runs steadily.',
    clipping: 'Lower the input gain (or move the microphone back) until the loudest moments fit.',
    dropouts:
      'The device lost samples: close other programs, try another cable or port, and record again.',
    'automatic-gain':
      'Turn off automatic gain control (AGC) in the recording app or device settings, then record again.',
    'dc-offset':
      'The input carries a constant offset: check the microphone and its input; the diagnosis removes it.',
  },
  scale: (scale, threshold) =>
    scale === 'baseline-spread'
      ? `Score: how unusual this recording is for this machine, in units of the spread of its healthy recordings, the same for any recording length; ${threshold} is the edge of normal for this machine.`
      : `Score without a baseline: how clearly a known defect pattern stands out of its own floor; ${threshold} is the edge of normal.`,
};

const ZH_CN: InputWords = {
  unusable: (shortAction) => `没有可用信号：${shortAction}`,
  warning: (reason, shortAction) => `录音警告：${reason}；${shortAction}`,
  reasons: {
    'digital-silence': (p) => `录音是数字静音（${seconds(p.durationSeconds)} 秒）`,
    'dead-microphone': (p) =>
      `电平为 ${db(p.levelDb)} dB（相对满刻度），低于 ${db(p.minLevelDb)} dB：只有输入端自身的噪声`,
    'too-quiet': (p) =>
      `电平为 ${db(p.levelDb)} dB（相对满刻度），太接近格式的量化噪声（至少需要 ${db(p.minLevelDb)} dB）`,
    'too-short': (p) =>
      `${seconds(p.durationSeconds)} 秒太短，达不到基线的频率分辨率（至少 ${seconds(p.minSeconds)} 秒）`,
    clipping: (p) => `${p.clippedPercent} % 的采样被削波`,
    dropouts: (p) => `信号中断 ${p.count} 次（最长 ${seconds(p.longestSeconds)} 秒）`,
    'automatic-gain': (p) => `背景电平起伏 ${stat(p.floorSpreadDb)} dB：设备的自动增益处于开启状态`,
    'dc-offset': (p) => `信号带有 ${p.offset} 的直流偏置（其自身均方根为 ${p.acRms}）`,
  },
  shortActions: {
    'digital-silence': '请检查麦克风',
    'dead-microphone': '请检查麦克风',
    'too-quiet': '请靠近录音或调高输入增益',
    'too-short': '请录制更长时间',
    clipping: '请调低输入增益',
    dropouts: '请重新录音',
    'automatic-gain': '请关闭自动增益',
    'dc-offset': '请检查麦克风输入',
  },
  actions: {
    'digital-silence': '请检查麦克风：是否已连接、已打开、已选为输入且未静音？然后重新录音。',
    'dead-microphone': '请检查麦克风：线缆、供电（幻象电源或电池）以及所选输入。然后重新录音。',
    'too-quiet': '请将麦克风靠近设备或调高输入增益，然后重新录音。',
    'too-short': '请录制更长时间：至少达到所给时长，并在设备稳定运行时录制。',
    clipping: '请调低输入增益（或将麦克风移远），直到最响的时刻也不削波。',
    dropouts: '设备丢失了采样：请关闭其他程序，换一条线缆或接口，然后重新录音。',
    'automatic-gain': '请在录音应用或设备设置中关闭自动增益控制（AGC），然后重新录音。',
    'dc-offset': '输入带有恒定偏置：请检查麦克风及其输入；诊断时会去除该偏置。',
  },
  scale: (scale, threshold) =>
    scale === 'baseline-spread'
      ? `分数：这段录音对这台设备而言有多异常，以其健康录音的离散度为单位，与录音长度无关；${threshold} 是这台设备正常的边界。`
      : `无基线时的分数：已知故障特征相对其自身底噪的突出程度；${threshold} 是正常的边界。`,
};

export const INPUT_WORDS: Readonly<Record<Language, InputWords>> = { en: EN, 'zh-CN': ZH_CN };
