export { ImportPanel } from './ImportPanel.tsx';
export { RecordingTable } from './RecordingTable.tsx';
export { useImports } from './useImports.ts';
export type { ImportItem } from './useImports.ts';
export { useRecordings } from './useRecordings.ts';
