import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toMicCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import type { LiveRequest } from '../../../shared/live/protocol.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { formatFrequencyHz, formatNumber } from '../../format/numbers.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useStoredState } from '../../hooks/useStoredState.ts';
import { LevelMeter } from '../record/LevelMeter.tsx';
import { LiveCharts } from '../record/LiveCharts.tsx';
import { liveLevelScale } from '../record/liveLevels.ts';
import { LIVE_VIEW_STORAGE_KEY, parseLiveView } from '../record/liveViewSettings.ts';
import { liveMarkers } from './liveMarkers.ts';
import { livePeaks } from './livePeaks.ts';
import type { LivePeak } from './livePeaks.ts';
import { RemoteRecordPanel } from './RemoteRecordPanel.tsx';
import type { ExpertCall } from './useExpertCall.ts';
import { useLinkQuality } from './useLinkQuality.ts';
import { useRemoteAnalysis } from './useRemoteAnalysis.ts';

/** A frame at least this loud counts as sound arriving (the fake file, a real machine). */
const FIRST_AUDIO_DBFS = -70;
/** The peak list follows every 4th frame (twice a second): readable, and cheap. */
const PEAK_EVERY_FRAMES = 4;

/** The expert in a call: hear the machine, see it against its baseline, talk, ask to record. */
export function ExpertCallView({ call, expert }: { call: LiveRequest; expert: ExpertCall }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [view, setView] = useStoredState(LIVE_VIEW_STORAGE_KEY, parseLiveView);
  const loadMachine = useCallback(() => api.machines.get(call.machineId), [api, call.machineId]);
  const loadBaseline = useCallback(
    () => api.baselines.spectrum(call.machineId),
    [api, call.machineId],
  );
  const machine = useLoad(loadMachine);
  const baseline = useLoad(loadBaseline);
  const markers = useMemo(
    () => (machine.data ? liveMarkers(machine.data.profile) : []),
    [machine.data],
  );
  const markersHz = useMemo(() => markers.map((m) => m.frequencyHz), [markers]);
  const analysis = useRemoteAnalysis(expert.stream, view, baseline.data);
  // The technician's microphone calibration, carried by the call: dB SPL as on their screen.
  const calibration = useMemo(
    () => (call.calibration ? toMicCalibration(call.calibration) : null),
    [call.calibration],
  );
  const link = useLinkQuality(expert.connection);
  const player = useRef<HTMLAudioElement>(null);
  const [peaks, setPeaks] = useState<LivePeak[]>([]);
  // Whether the listed levels were lowered onto the baseline's scale (liveLevels.ts).
  const [peaksMatched, setPeaksMatched] = useState(false);
  const [firstAudioMs, setFirstAudioMs] = useState<number | null>(null);
  const [trackMs, setTrackMs] = useState<number | null>(null);

  useEffect(() => {
    // Played as well as analysed: the expert listens, and Chromium feeds a remote stream to Web
    // Audio only while a media element plays it.
    if (player.current) player.current.srcObject = expert.stream;
  }, [expert.stream]);

  const { joinedAtMs } = expert;
  useEffect(() => {
    // When the technician's track arrived, to tell connecting from the analysis' start-up.
    if (expert.stream === null || joinedAtMs === null) return;
    const arrivedMs = Math.round(performance.now() - joinedAtMs);
    const timer = window.setTimeout(() => setTrackMs(arrivedMs), 0);
    return () => window.clearTimeout(timer);
  }, [expert.stream, joinedAtMs]);
  useEffect(() => {
    let frames = 0;
    return analysis.subscribeFrames((frame) => {
      if (frame.level.rmsDbfs > FIRST_AUDIO_DBFS && joinedAtMs !== null) {
        setFirstAudioMs((known) => known ?? Math.round(performance.now() - joinedAtMs));
      }
      if (frame.spectrum && frames++ % PEAK_EVERY_FRAMES === 0) {
        setPeaks(livePeaks(frame.spectrum, calibration));
        setPeaksMatched(frame.spectrum.gainDb != null);
      }
    });
  }, [analysis, joinedAtMs, calibration]);
  const peakScale = liveLevelScale(peaksMatched, calibration !== null);

  const lang = i18n.language;
  return (
    <div
      className="live-call"
      data-first-audio-ms={firstAudioMs ?? undefined}
      data-track-ms={trackMs ?? undefined}
      data-call-id={call.callId}
      data-codec={link?.codec || undefined}
      data-receive-kbps={link?.receiveKbps ?? undefined}
      data-peaks-hz={peaks.map((p) => p.frequencyHz.toFixed(2)).join(' ')}
    >
      <div className="section-header">
        <h3>{t('live.callTitle', { machine: call.machineName, name: call.technician.name })}</h3>
        <button type="button" onClick={expert.leave}>
          {t('live.endCall')}
        </button>
      </div>
      <p role="status" className="live-status">
        {expert.stream === null
          ? t('live.connectingAudio')
          : firstAudioMs === null
            ? t('live.waitingSound')
            : t('live.hearing', { seconds: formatNumber(firstAudioMs / 1000, lang, 1) })}
      </p>
      {link && link.receiveKbps !== null && (
        <p className="muted live-link">
          {t('live.link', {
            codec: link.codec.split(' ')[0].replace(/^audio\//, ''),
            kbps: link.receiveKbps,
          })}
        </p>
      )}
      <audio ref={player} autoPlay controls className="live-player" aria-label={t('live.player')} />
      <section className="panel live-controls" aria-label={t('live.controls')}>
        <LevelMeter
          subscribeFrames={analysis.subscribeFrames}
          sensitivityDbfs={call.calibration?.sensitivityDbfs ?? null}
        />
        <TalkButton expert={expert} />
        <RemoteRecordPanel expert={expert} />
      </section>
      <section className="panel live-peaks" aria-label={t('live.peaksTitle')}>
        <h3>{t('live.peaksTitle')}</h3>
        <ol>
          {peaks.map((peak) => (
            <li key={peak.frequencyHz} data-frequency-hz={peak.frequencyHz.toFixed(2)}>
              {t('live.peak', {
                frequency: formatFrequencyHz(peak.frequencyHz, lang),
                level: formatNumber(peak.levelDb, lang, 1),
                unit: peakScale === 'baseline' ? t('record.unitMatched') : peakScale,
              })}
            </li>
          ))}
        </ol>
      </section>
      {baseline.data === null && !baseline.loading && (
        <p className="notice">{baseline.error ?? t('record.noBaseline')}</p>
      )}
      {analysis.error && <p className="error">{analysis.error}</p>}
      {analysis.sampleRateHz !== null && (
        <LiveCharts
          sampleRateHz={analysis.sampleRateHz}
          view={view}
          onView={setView}
          onResetPeak={analysis.resetPeak}
          baseline={baseline.data}
          subscribeFrames={analysis.subscribeFrames}
          subscribeRows={analysis.subscribeRows}
          inputKey={call.callId}
          markersHz={markersHz}
          calibration={call.calibration ?? null}
        />
      )}
      {markers.length > 0 && (
        <details className="live-markers">
          <summary>{t('live.markersTitle', { count: markers.length })}</summary>
          <ul>
            {markers.map((marker) => (
              <li key={marker.id}>
                {t('live.marker', {
                  name: marker.name,
                  frequency: formatFrequencyHz(marker.frequencyHz, lang),
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Push to talk: the expert's microphone goes to the technician only while this is held. */
function TalkButton({ expert }: { expert: ExpertCall }) {
  const { t } = useTranslation();
  const [held, setHeld] = useState(false);
  const press = (on: boolean) => {
    setHeld(on);
    expert.talk(on);
  };
  return (
    <button
      type="button"
      className="live-talk"
      aria-pressed={held}
      disabled={!expert.talkAvailable}
      onPointerDown={() => press(true)}
      onPointerUp={() => press(false)}
      onPointerLeave={() => held && press(false)}
      onKeyDown={(event) => {
        if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) press(true);
      }}
      onKeyUp={() => press(false)}
    >
      {held ? t('live.talking') : t('live.holdToTalk')}
    </button>
  );
}
