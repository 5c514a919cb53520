/**
 * What the diagnosis flagged, as marks for the chart each finding came from: raised 1/6-octave
 * bands as spans on the spectrum, raised envelope lines on the envelope spectrum. (Raised narrow
 * lines of the spectrum are the selection's anomalies, highlighted already.)
 */
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { bandEdgesAroundHz } from '../../../shared/diagnosis/features/bandGrid.ts';
import type { FrequencySpan } from '../../chart/plotOverlays.ts';

/** The flagged bands, lowest first, each from its lower to its upper grid edge. */
export function flaggedBands(report: DiagnosisReport): FrequencySpan[] {
  return report.findings
    .filter((finding) => finding.kind === 'band')
    .map((finding) => {
      const [lowHz, highHz] = bandEdgesAroundHz(finding.frequencyHz);
      return { lowHz, highHz };
    })
    .sort((a, b) => a.lowHz - b.lowHz);
}

/** The flagged envelope lines' frequencies, Hz, lowest first. */
export function flaggedEnvelopeLinesHz(report: DiagnosisReport): number[] {
  return report.findings
    .filter((finding) => finding.kind === 'envelope')
    .map((finding) => finding.frequencyHz)
    .sort((a, b) => a - b);
}
