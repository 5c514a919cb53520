export { BaselinePanel } from './BaselinePanel.tsx';
export { useBaselineBuild } from './useBaselineBuild.ts';
export { useBaselineSpectrum } from './useBaselineSpectrum.ts';
