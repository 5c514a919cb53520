/**
 * A characteristic frequency's name in the reader's language ("BPFO of spindle-bearing",
 * "spindle-bearing 的 BPFO"), from the same words as the diagnosis report's sentences.
 */
import type { Language } from '../api/contract.ts';
import type { FrequencyRef } from '../diagnosis/report.ts';
import { EN } from './diagnosisText/en.ts';
import { ZH_CN } from './diagnosisText/zhCN.ts';

export function frequencyRefName(ref: FrequencyRef, lang: Language): string {
  return (lang === 'zh-CN' ? ZH_CN : EN).frequencyName(ref);
}
