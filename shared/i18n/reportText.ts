/**
 * The words of the printed reports (PDF) in English and Simplified Chinese: the one-page
 * diagnosis report and the fault-log report. Causes, severities, evidence and actions come from
 * diagnosisText.ts, statuses and column names from faultLogText.ts.
 */
import type { Language } from '../api/limits.ts';
import type { DensityUnit } from '../audio/calibration/micCalibration.ts';

export interface ReportWords {
  readonly diagnosisTitle: string;
  readonly faultLogTitle: string;
  readonly machine: string;
  readonly recording: string;
  readonly recordedAt: string;
  readonly duration: string;
  readonly sampleRate: string;
  readonly stretch: string;
  stretchValue(startSeconds: string, endSeconds: string): string;
  readonly wholeRecording: string;
  seconds(value: string): string;
  hertz(value: string): string;
  verdict(anomalous: boolean, score: string, threshold: string): string;
  readonly noBaseline: string;
  readonly spectrumTitle: string;
  readonly legendRecording: string;
  readonly legendBand: string;
  readonly legendMedian: string;
  readonly legendMarker: string;
  readonly legendFlagged: string;
  readonly frequencyAxis: string;
  /** The spectrum's level axis, naming its unit: a PSD in dBFS/Hz, or dB SPL/Hz when calibrated. */
  levelAxis(unit: DensityUnit): string;
  readonly causesTitle: string;
  readonly evidence: string;
  readonly action: string;
  /** Between a label and what it labels. */
  readonly colon: string;
  causeFacts(confidencePercent: string, severity: string, component: string | null): string;
  moreCauses(count: number): string;
  readonly noCause: string;
  readonly noFault: string;
  readonly faultStatus: string;
  readonly notInFaultLog: string;
  readonly technician: string;
  readonly supervisor: string;
  readonly date: string;
  generated(at: string): string;
  page(index: number, count: number): string;
  readonly filters: string;
  readonly all: string;
  readonly cause: string;
  readonly status: string;
  readonly severity: string;
  readonly from: string;
  readonly until: string;
  readonly text: string;
  readonly archived: string;
  readonly archivedShown: string;
  readonly archivedHidden: string;
  readonly noCauseNamed: string;
  entryCount(count: number): string;
  tableCut(shown: number, total: number): string;
  readonly noEntries: string;
  readonly byCause: string;
  readonly byStatus: string;
  readonly perMonth: string;
  readonly scoreOverTime: string;
  readonly entriesAxis: string;
  readonly scoreAxis: string;
  moreMachines(count: number): string;
}

const EN: ReportWords = {
  diagnosisTitle: 'Diagnosis report',
  faultLogTitle: 'Fault log report',
  machine: 'Machine',
  recording: 'Recording',
  recordedAt: 'Recorded at',
  duration: 'Duration',
  sampleRate: 'Sample rate',
  stretch: 'Analysed',
  stretchValue: (start, end) => `${start}–${end} s`,
  wholeRecording: 'the whole recording',
  seconds: (value) => `${value} s`,
  hertz: (value) => `${value} Hz`,
  verdict: (anomalous, score, threshold) =>
    anomalous
      ? `Anomalous: the machine does not sound as it did when healthy (anomaly score ${score}, threshold ${threshold}).`
      : `Normal: nothing stands out of the machine’s healthy sound (anomaly score ${score}, threshold ${threshold}).`,
  noBaseline: 'No baseline: kinematic evidence only, at lower confidence.',
  spectrumTitle: 'Spectrum against the healthy band',
  legendRecording: 'This recording',
  legendBand: 'Healthy band',
  legendMedian: 'Healthy median',
  legendMarker: 'Characteristic frequency',
  legendFlagged: 'Flagged line (≥ 6 dB over healthy)',
  frequencyAxis: 'Frequency (Hz)',
  levelAxis: (unit) => `Level (${unit})`,
  causesTitle: 'Likely causes',
  evidence: 'Evidence',
  action: 'Action',
  colon: ': ',
  causeFacts: (confidence, severity, component) =>
    `confidence ${confidence} %, ${severity}${component ? `, on ${component}` : ''}`,
  moreCauses: (count) => `${count} less likely cause${count === 1 ? '' : 's'} not shown.`,
  noCause: 'The sound is anomalous, but no likely cause could be named.',
  noFault: 'No fault detected.',
  faultStatus: 'Fault-log status',
  notInFaultLog: 'not in the fault log',
  technician: 'Technician',
  supervisor: 'Supervisor',
  date: 'Date',
  generated: (at) => `Made by Auscult on ${at}`,
  page: (index, count) => `Page ${index} of ${count}`,
  filters: 'Filters',
  all: 'all',
  cause: 'Cause',
  status: 'Status',
  severity: 'Severity',
  from: 'From',
  until: 'Until',
  text: 'Text',
  archived: 'Archived entries',
  archivedShown: 'included',
  archivedHidden: 'left out',
  noCauseNamed: 'no cause named',
  entryCount: (count) => `${count} ${count === 1 ? 'entry' : 'entries'}`,
  tableCut: (shown, total) => `The table lists the newest ${shown} of ${total} entries.`,
  noEntries: 'No entry matches these filters.',
  byCause: 'Entries by cause',
  byStatus: 'Entries by status',
  perMonth: 'Entries per month, by cause',
  scoreOverTime: 'Anomaly score over time, by machine',
  entriesAxis: 'entries',
  scoreAxis: 'score',
  moreMachines: (count) => `${count} more machine${count === 1 ? '' : 's'} not drawn.`,
};

const ZH_CN: ReportWords = {
  diagnosisTitle: '诊断报告',
  faultLogTitle: '故障日志报告',
  machine: '设备',
  recording: '录音',
  recordedAt: '录制时间',
  duration: '时长',
  sampleRate: '采样率',
  stretch: '分析区段',
  stretchValue: (start, end) => `${start}–${end} 秒`,
  wholeRecording: '整段录音',
  seconds: (value) => `${value} 秒`,
  hertz: (value) => `${value} Hz`,
  verdict: (anomalous, score, threshold) =>
    anomalous
      ? `异常：设备的声音与健康时不同（异常分数 ${score}，阈值 ${threshold}）。`
      : `正常：与设备的健康声音相比没有突出之处（异常分数 ${score}，阈值 ${threshold}）。`,
  noBaseline: '没有基线：仅依据运动学特征频率判断，置信度较低。',
  spectrumTitle: '频谱与健康范围对比',
  legendRecording: '本次录音',
  legendBand: '健康范围',
  legendMedian: '健康中位数',
  legendMarker: '特征频率',
  legendFlagged: '标记的谱线（超出健康最大值 ≥ 6 dB）',
  frequencyAxis: '频率（Hz）',
  levelAxis: (unit) => `电平（${unit}）`,
  causesTitle: '可能原因',
  evidence: '依据',
  action: '建议措施',
  colon: '：',
  causeFacts: (confidence, severity, component) =>
    `置信度 ${confidence}%，${severity}${component ? `，部件 ${component}` : ''}`,
  moreCauses: (count) => `另有 ${count} 个可能性较低的原因未列出。`,
  noCause: '声音异常，但无法指出可能的原因。',
  noFault: '未发现故障。',
  faultStatus: '故障日志状态',
  notInFaultLog: '未记入故障日志',
  technician: '技术员',
  supervisor: '主管',
  date: '日期',
  generated: (at) => `由 Auscult 于 ${at} 生成`,
  page: (index, count) => `第 ${index} 页，共 ${count} 页`,
  filters: '筛选条件',
  all: '全部',
  cause: '原因',
  status: '状态',
  severity: '严重程度',
  from: '起始',
  until: '截止',
  text: '文本',
  archived: '已归档条目',
  archivedShown: '包括',
  archivedHidden: '不包括',
  noCauseNamed: '未指出原因',
  entryCount: (count) => `${count} 条`,
  tableCut: (shown, total) => `表格列出 ${total} 条中最新的 ${shown} 条。`,
  noEntries: '没有符合筛选条件的条目。',
  byCause: '按原因统计',
  byStatus: '按状态统计',
  perMonth: '每月条目数（按原因）',
  scoreOverTime: '异常分数随时间变化（按设备）',
  entriesAxis: '条目',
  scoreAxis: '分数',
  moreMachines: (count) => `另有 ${count} 台设备未绘出。`,
};

const WORDS: Readonly<Record<Language, ReportWords>> = { en: EN, 'zh-CN': ZH_CN };

/** The printed reports' words in `lang`; unknown languages fall back to English. */
export function reportWords(lang: Language): ReportWords {
  return WORDS[lang] ?? EN;
}
