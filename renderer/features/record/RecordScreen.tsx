import { useTranslation } from 'react-i18next';
import { Pending } from '../../components/Pending.tsx';
import { useFaultLogSave } from '../review/index.ts';
import { InputPanel } from './InputPanel.tsx';
import { chosenDeviceName } from './inputDevices.ts';
import { MicCalibrationPanel } from './MicCalibrationPanel.tsx';
import { useMicCalibration } from './useMicCalibration.ts';
import { LevelMeter } from './LevelMeter.tsx';
import { LiveCharts } from './LiveCharts.tsx';
import { useStoredState } from '../../hooks/useStoredState.ts';
import { LIVE_VIEW_STORAGE_KEY, parseLiveView } from './liveViewSettings.ts';
import { rememberLastMachineId } from './machineChoice.ts';
import { RecordControls } from './RecordControls.tsx';
import { RecordResult } from './RecordResult.tsx';
import { useLiveInput } from './useLiveInput.ts';
import { useRecordingSession } from './useRecordingSession.ts';
import { useRecordTarget } from './useRecordTarget.ts';
import { mayAsk, useHubUser, viaDesktopLink } from '../../api/hubUser.ts';
import { AskExpert } from '../live/index.ts';

export interface RecordScreenProps {
  /** The Review screen's address for a recording. */
  readonly reviewHrefFor: (recordingId: string) => string;
}

/**
 * Record: choose the machine and microphone, watch level, spectrum and spectrogram live, record
 * to the host's disk as the audio arrives, and see the diagnosis on Stop.
 */
export function RecordScreen({ reviewHrefFor }: RecordScreenProps) {
  const { t } = useTranslation();
  // A per-person view setting: remembered by this browser, not by the library.
  const [view, setView] = useStoredState(LIVE_VIEW_STORAGE_KEY, parseLiveView);
  const target = useRecordTarget();
  const live = useLiveInput(view, target.baseline);
  const deviceName = chosenDeviceName(live.microphones, live.deviceId);
  const calibration = useMicCalibration(deviceName);
  const session = useRecordingSession(target.machineId, live.recorder, deviceName);
  const saveToFaultLog = useFaultLogSave();
  const result = session.status?.phase === 'done' ? session.status.result : null;
  // Live listening needs the hub's signalling: offered on a hub, or on a desktop linked to one
  // (which relays it), to those who may ask.
  const hubUser = useHubUser();

  const record = () => {
    if (target.machineId !== null) rememberLastMachineId(target.machineId);
    session.record();
  };

  return (
    <section className="record-screen" aria-label={t('record.title')}>
      <h2>{t('record.title')}</h2>
      {target.machines === null ? (
        <Pending error={target.machinesError} />
      ) : target.machines.length === 0 ? (
        <p className="notice">
          {t('record.noMachines')} <a href="#/machines">{t('nav.machines')}</a>
        </p>
      ) : (
        <>
          {/* The result first: its verdict is what the technician came for. */}
          {result && (
            <RecordResult
              result={result}
              reviewHref={reviewHrefFor(result.recording.id)}
              onSaveToFaultLog={saveToFaultLog}
            />
          )}
          <InputPanel
            machines={target.machines}
            machineId={target.machineId}
            onMachine={target.chooseMachine}
            microphones={live.microphones}
            deviceId={live.deviceId}
            onMicrophone={live.chooseDevice}
            sampleRateHz={live.sampleRateHz}
            keptOn={live.keptOn}
            locked={session.active}
            live={live}
          />
          <MicCalibrationPanel
            deviceName={deviceName}
            state={calibration}
            locked={session.active}
          />
          <section className="panel record-live" aria-label={t('record.controls')}>
            <LevelMeter
              subscribeFrames={live.subscribeFrames}
              sensitivityDbfs={calibration.calibration?.sensitivityDbfs ?? null}
            />
            <RecordControls
              status={session.status}
              canRecord={live.recorder !== null && target.machineId !== null}
              active={session.active}
              onRecord={record}
              onStop={session.stop}
            />
          </section>
          {mayAsk(hubUser) && (
            <AskExpert
              machineId={target.machineId}
              deviceId={live.deviceId}
              session={session}
              viaDesktopLink={viaDesktopLink(hubUser)}
              calibration={calibration.calibration}
            />
          )}
          {!target.baselineLoading && target.baseline === null && (
            <p className="notice">{target.baselineError ?? t('record.noBaseline')}</p>
          )}
          {live.sampleRateHz !== null && (
            <LiveCharts
              sampleRateHz={live.sampleRateHz}
              view={view}
              onView={setView}
              onResetPeak={live.resetPeak}
              baseline={target.baseline}
              subscribeFrames={live.subscribeFrames}
              subscribeRows={live.subscribeRows}
              inputKey={live.deviceId}
              calibration={calibration.calibration}
            />
          )}
        </>
      )}
    </section>
  );
}
