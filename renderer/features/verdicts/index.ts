export { ExpertVerdictPanel, RecordingVerdictPanel } from './ExpertVerdictPanel.tsx';
export { useLatestVerdicts } from './useVerdicts.ts';
export { verdictBadge } from './verdictText.ts';
export { VerdictSummaryLine } from './VerdictSummaryLine.tsx';
