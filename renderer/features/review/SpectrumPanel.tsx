import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionAnalysis } from '../../../shared/api/contract.ts';
import { SpectrumPlot } from '../../chart/SpectrumPlot.tsx';
import { spectrumTable } from '../../chart/spectrumTable.ts';
import { formatNumber, formatSeconds } from '../../format/numbers.ts';
import { CursorReadout } from './CursorReadout.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { MarkerToggles } from './MarkerToggles.tsx';
import { flaggedBands, flaggedEnvelopeLinesHz } from './flaggedMarks.ts';
import { groupsPresent, visibleMarkers } from './markerGroups.ts';
import type { MarkerGroup } from './markerGroups.ts';

export interface SpectrumPanelProps {
  readonly analysis: SelectionAnalysis;
  readonly recordingName: string;
}

function useMarkerGroups(analysis: SelectionAnalysis) {
  const groups = useMemo(() => groupsPresent(analysis.markers), [analysis.markers]);
  // Groups switched off by the user; every other group shows, also one that appears later.
  const [hidden, setHidden] = useState<ReadonlySet<MarkerGroup>>(new Set());
  const shown = useMemo(() => new Set(groups.filter((g) => !hidden.has(g))), [groups, hidden]);
  const toggle = useCallback((group: MarkerGroup, on: boolean) => {
    setHidden((previous) => {
      const next = new Set(previous);
      if (on) next.delete(group);
      else next.add(group);
      return next;
    });
  }, []);
  return { groups, shown, toggle };
}

/**
 * The selection's spectrum against the baseline's normal band (anomalous lines highlighted,
 * markers by group, the values under the pointer, CSV and PNG export) and its envelope spectrum.
 */
export function SpectrumPanel({ analysis, recordingName }: SpectrumPanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [logFrequency, setLogFrequency] = useState(true);
  const [cursor, setCursor] = useState<number | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const markers = useMarkerGroups(analysis);
  const table = useMemo(
    () => spectrumTable(analysis.spectrum, analysis.baseline),
    [analysis.spectrum, analysis.baseline],
  );
  const envelope = useMemo(() => spectrumTable(analysis.envelope, null), [analysis.envelope]);
  const maxHz = table.frequenciesHz.at(-1) ?? 0;
  const spectrumMarkers = useMemo(
    () => visibleMarkers(analysis.markers, markers.shown, maxHz),
    [analysis.markers, markers.shown, maxHz],
  );
  const envelopeMaxHz = envelope.frequenciesHz.at(-1) ?? 0;
  const envelopeMarkers = useMemo(
    () => visibleMarkers(analysis.markers, markers.shown, envelopeMaxHz),
    [analysis.markers, markers.shown, envelopeMaxHz],
  );
  const highlightsHz = useMemo(() => analysis.anomalies.map((a) => a.frequencyHz), [analysis]);
  const bands = useMemo(() => flaggedBands(analysis.report), [analysis.report]);
  const envelopeLinesHz = useMemo(() => flaggedEnvelopeLinesHz(analysis.report), [analysis.report]);
  const formatTick = useCallback((value: number) => formatNumber(value, lang, 1), [lang]);
  // Absent on an older host's answer: its levels are the dBFS they always were.
  const levelUnit = analysis.levelUnit ?? 'dBFS';
  const range = {
    from: formatSeconds(analysis.startSeconds, lang),
    to: formatSeconds(analysis.endSeconds, lang),
  };
  return (
    <section className="panel spectrum-panel" aria-labelledby="selection-spectrum-title">
      <h3 id="selection-spectrum-title">
        {t(analysis.baseline === null ? 'verdict.spectrumTitle' : 'review.spectrumTitle', range)}
      </h3>
      <div className="chart-controls">
        <label className="inline">
          <input
            type="checkbox"
            checked={logFrequency}
            onChange={(event) => setLogFrequency(event.target.checked)}
          />
          {t('review.logAxis')}
        </label>
        <MarkerToggles groups={markers.groups} shown={markers.shown} onToggle={markers.toggle} />
      </div>
      <CursorReadout table={table} index={cursor} unit={`${levelUnit}/Hz`} />
      <SpectrumPlot
        table={table}
        logFrequency={logFrequency}
        markers={spectrumMarkers}
        highlightsHz={highlightsHz}
        bands={bands}
        description={t('review.spectrumDescription', {
          anomalies: analysis.anomalies.length,
          bands: bands.length,
          unit: `${levelUnit}/Hz`,
          ...range,
        })}
        frequencyLabel={t('chart.frequencyHz')}
        levelLabel={t('chart.levelUnit', { unit: `${levelUnit}/Hz` })}
        formatTick={formatTick}
        onCursor={setCursor}
        onCanvas={(element) => {
          canvas.current = element;
        }}
      />
      <p className="chart-legend">
        <span className="legend-level">{t('review.legendLevel')}</span>
        {analysis.baseline && <span className="legend-median">{t('chart.median')}</span>}
        {analysis.baseline && <span className="legend-band">{t('chart.band')}</span>}
        <span className="legend-anomaly">{t('review.legendAnomaly')}</span>
        {bands.length > 0 && (
          <span className="legend-flagged">{t('review.legendFlaggedBand')}</span>
        )}
        <span className="muted">{t('review.zoomHint')}</span>
      </p>
      {analysis.baseline === null && <p className="notice">{t('review.noBaseline')}</p>}
      <ExportButtons
        table={table}
        canvas={canvas}
        recordingId={analysis.recordingId}
        recordingName={recordingName}
        range={analysis}
        levelUnit={levelUnit}
      />
      <h4>
        {t('review.envelopeTitle', {
          low: formatNumber(analysis.envelope.lowHz, lang, 0),
          high: formatNumber(analysis.envelope.highHz, lang, 0),
        })}
      </h4>
      <SpectrumPlot
        table={envelope}
        logFrequency={false}
        markers={envelopeMarkers}
        highlightsHz={envelopeLinesHz}
        description={t('review.envelopeDescription', {
          lines: envelopeLinesHz.length,
          unit: levelUnit,
        })}
        frequencyLabel={t('chart.frequencyHz')}
        levelLabel={t('review.envelopeLevelUnit', { unit: levelUnit })}
        formatTick={formatTick}
        heightPx={220}
      />
    </section>
  );
}
