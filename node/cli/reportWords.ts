/** The words around a diagnosis in `auscult diagnose` text output, per --lang. */
import type { Language } from '../../shared/api/contract.ts';
import type { FindingKind } from '../../shared/diagnosis/report.ts';

export interface ReportWords {
  readonly noBaseline: string;
  /** "Verdict", before an input check's verdict. */
  readonly verdictLabel: string;
  verdict(anomalous: boolean, score: string, threshold: string, withBaseline: boolean): string;
  readonly causesHeading: string;
  readonly noCause: string;
  readonly noFault: string;
  readonly findingsHeading: string;
  on(componentId: string): string;
  confidence(value: string, severity: string): string;
  readonly action: string;
  /** Between a label and what it labels. */
  readonly colon: string;
  readonly kinds: Readonly<Record<FindingKind, string>>;
}

export const REPORT_WORDS: Readonly<Record<Language, ReportWords>> = {
  en: {
    noBaseline: 'No baseline: kinematic evidence only, at lower confidence.',
    verdictLabel: 'Verdict',
    verdict: (anomalous, score, threshold, withBaseline) => {
      const against = withBaseline ? 'threshold' : 'threshold without a baseline';
      const numbers = `score ${score}, ${against} ${threshold}`;
      return anomalous ? `Verdict: ANOMALOUS (${numbers})` : `Verdict: normal (${numbers})`;
    },
    causesHeading: 'Likely causes (most likely first):',
    noCause: 'No likely cause could be named.',
    noFault: 'No fault detected: nothing stands out of the machine’s healthy sound.',
    findingsHeading: 'Findings (kind, frequency, excess, detail):',
    on: (componentId) => ` on ${componentId}`,
    confidence: (value, severity) => `confidence ${value}, ${severity}`,
    action: 'action',
    colon: ': ',
    kinds: { peak: 'peak', band: 'band', envelope: 'envelope', impulsive: 'impulsive' },
  },
  'zh-CN': {
    noBaseline: '没有基线：仅依据运动学特征频率判断，置信度较低。',
    verdictLabel: '结论',
    verdict: (anomalous, score, threshold, withBaseline) => {
      const against = withBaseline ? '阈值' : '无基线时的阈值';
      const numbers = `分数 ${score}，${against} ${threshold}`;
      return anomalous ? `结论：异常（${numbers}）` : `结论：正常（${numbers}）`;
    },
    causesHeading: '可能原因（按可能性从高到低）：',
    noCause: '无法指出可能的原因。',
    noFault: '未发现故障：与设备的健康声音相比没有突出之处。',
    findingsHeading: '发现（类型、频率、超出量、详情）：',
    on: (componentId) => `，部件 ${componentId}`,
    confidence: (value, severity) => `置信度 ${value}，${severity}`,
    action: '建议措施',
    colon: '：',
    kinds: { peak: '峰值', band: '频带', envelope: '包络', impulsive: '冲击' },
  },
};
