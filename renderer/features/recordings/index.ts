export { RecordingsPanel } from './RecordingsPanel.tsx';
export { useImports } from './useImports.ts';
export type { ImportItem } from './useImports.ts';
export { useRecordings } from './useRecordings.ts';
export { noticeSentence } from './noticeSentence.ts';
export { RecordingNotices } from './RecordingNotices.tsx';
