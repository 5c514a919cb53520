export { CauseCard } from './CauseCard.tsx';
export { DiagnosisPanel } from './DiagnosisPanel.tsx';
export type { DiagnosisPanelProps } from './DiagnosisPanel.tsx';
export { ReviewScreen } from './ReviewScreen.tsx';
export { useFaultLogSave } from './useFaultLogSave.ts';
export { NoBaselineVerdict } from './Verdict.tsx';
