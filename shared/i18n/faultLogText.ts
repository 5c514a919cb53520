/**
 * The fault log's words outside the page, in English and Simplified Chinese: status names (the
 * same as the page's `faultLog.statuses`) and the CSV export's column headings. Cause and severity
 * names come from diagnosisText.ts.
 */
import type { Language } from '../api/limits.ts';
import type { FaultStatus } from '../faultLog/workflow.ts';
import { verdictCause } from '../verdicts/expertVerdict.ts';
import type { ExpertVerdict, VerdictDecision } from '../verdicts/expertVerdict.ts';
import { causeName } from './diagnosisText.ts';

/** The CSV's columns, in order (docs/formats.md, "Fault log CSV"). */
export const FAULT_LOG_CSV_COLUMNS = [
  'entryId',
  'recordedAtUtc',
  'machine',
  'recording',
  'verdict',
  'anomalyScore',
  'cause',
  'component',
  'severity',
  'confidencePercent',
  'status',
  'archived',
  'recordedBy',
  'note',
  'diagnosisId',
  'followUpRecordingId',
  'expertDecision',
  'expertCause',
  'expertName',
  'expertAtUtc',
] as const;
export type FaultLogCsvColumn = (typeof FAULT_LOG_CSV_COLUMNS)[number];

export interface FaultLogWords {
  readonly statuses: Readonly<Record<FaultStatus, string>>;
  readonly columns: Readonly<Record<FaultLogCsvColumn, string>>;
  /** An expert's decision on the entry's diagnosis (shared/verdicts/expertVerdict.ts). */
  readonly decisions: Readonly<Record<VerdictDecision, string>>;
  /** The PDF's label of the line an expert's verdict is printed on. */
  readonly expertVerdict: string;
  readonly anomalous: string;
  readonly normal: string;
  readonly yes: string;
  readonly no: string;
}

const EN: FaultLogWords = {
  statuses: {
    open: 'Open',
    acknowledged: 'Acknowledged',
    'repair-planned': 'Repair planned',
    repaired: 'Repaired',
    verified: 'Verified',
    dismissed: 'Dismissed',
  },
  columns: {
    entryId: 'Entry ID',
    recordedAtUtc: 'Recorded at (ISO 8601, UTC)',
    machine: 'Machine',
    recording: 'Recording',
    verdict: 'Verdict',
    anomalyScore: 'Anomaly score',
    cause: 'Likely cause',
    component: 'Component',
    severity: 'Severity',
    confidencePercent: 'Confidence (%)',
    status: 'Status',
    archived: 'Archived',
    recordedBy: 'Recorded by',
    note: 'Note',
    diagnosisId: 'Diagnosis ID',
    followUpRecordingId: 'Follow-up recording ID',
    expertDecision: 'Expert verdict',
    expertCause: "Expert's cause",
    expertName: 'Expert',
    expertAtUtc: 'Verdict at (ISO 8601, UTC)',
  },
  decisions: { confirm: 'Confirmed', correct: 'Corrected' },
  expertVerdict: 'Expert verdict',
  anomalous: 'Anomalous',
  normal: 'Normal',
  yes: 'Yes',
  no: 'No',
};

const ZH_CN: FaultLogWords = {
  statuses: {
    open: '待处理',
    acknowledged: '已确认',
    'repair-planned': '已计划维修',
    repaired: '已维修',
    verified: '已验证',
    dismissed: '已驳回',
  },
  columns: {
    entryId: '条目编号',
    recordedAtUtc: '记录时间（ISO 8601，UTC）',
    machine: '设备',
    recording: '录音',
    verdict: '结论',
    anomalyScore: '异常分数',
    cause: '可能原因',
    component: '部件',
    severity: '严重程度',
    confidencePercent: '置信度（%）',
    status: '状态',
    archived: '已归档',
    recordedBy: '记录人',
    note: '备注',
    diagnosisId: '诊断编号',
    followUpRecordingId: '复查录音编号',
    expertDecision: '专家结论',
    expertCause: '专家认定原因',
    expertName: '专家',
    expertAtUtc: '结论时间（ISO 8601，UTC）',
  },
  decisions: { confirm: '确认', correct: '更正' },
  expertVerdict: '专家结论',
  anomalous: '异常',
  normal: '正常',
  yes: '是',
  no: '否',
};

const WORDS: Readonly<Record<Language, FaultLogWords>> = { en: EN, 'zh-CN': ZH_CN };

/** The cause an expert's verdict holds for true, in `lang` ('other' in the expert's words). */
export function expertCauseText(verdict: ExpertVerdict, lang: Language): string {
  const cause = verdictCause(verdict);
  if (cause === null) return '';
  return cause === 'other' ? verdict.otherCause : causeName(cause, lang);
}

/** "Corrected: Mechanical looseness" / "更正：机械松动"; the decision alone without a cause. */
export function expertVerdictLine(verdict: ExpertVerdict, lang: Language): string {
  const decision = faultLogWords(lang).decisions[verdict.decision];
  const cause = expertCauseText(verdict, lang);
  if (cause === '') return decision;
  return lang === 'zh-CN' ? `${decision}：${cause}` : `${decision}: ${cause}`;
}

/** The fault log's words in `lang`; unknown languages fall back to English. */
export function faultLogWords(lang: Language): FaultLogWords {
  return WORDS[lang] ?? EN;
}

/** A status as a person reads it: "Repair planned", "已计划维修". */
export function faultStatusName(status: FaultStatus, lang: Language): string {
  return faultLogWords(lang).statuses[status] ?? status;
}
