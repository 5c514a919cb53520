import { useTranslation } from 'react-i18next';
import type { MachineSummary } from '../../../shared/api/contract.ts';
import { formatNumber } from '../../format/numbers.ts';
import type { MicrophoneChoice, ProcessingFeature } from './inputDevices.ts';
import type { LiveInput } from './useLiveInput.ts';

export interface InputPanelProps {
  readonly machines: readonly MachineSummary[];
  readonly machineId: string | null;
  readonly onMachine: (machineId: string) => void;
  readonly microphones: readonly MicrophoneChoice[];
  readonly deviceId: string | null;
  readonly onMicrophone: (deviceId: string | null) => void;
  readonly sampleRateHz: number | null;
  readonly keptOn: readonly ProcessingFeature[];
  /** Machine and microphone are fixed while a recording runs. */
  readonly locked: boolean;
  readonly live: Pick<LiveInput, 'phase' | 'failure' | 'errorMessage' | 'resume' | 'retry'>;
}

const FEATURE_KEYS: Readonly<Record<ProcessingFeature, string>> = {
  echoCancellation: 'record.processing.echoCancellation',
  noiseSuppression: 'record.processing.noiseSuppression',
  autoGainControl: 'record.processing.autoGainControl',
};

function CaptureState({ live }: { live: InputPanelProps['live'] }) {
  const { t } = useTranslation();
  if (live.phase === 'starting') return <p className="muted">{t('record.starting')}</p>;
  if (live.phase === 'suspended') {
    return (
      <p className="notice">
        {t('record.suspended')}{' '}
        <button type="button" onClick={live.resume}>
          {t('record.startMicrophone')}
        </button>
      </p>
    );
  }
  if (live.phase !== 'failed') return null;
  const reason = t(`record.failure.${live.failure ?? 'other'}`, { error: live.errorMessage ?? '' });
  return (
    <div className="error-text" role="alert">
      <p>{reason}</p>
      {live.failure !== 'unsupported' && (
        <button type="button" onClick={live.retry}>
          {t('record.retry')}
        </button>
      )}
    </div>
  );
}

/** Machine and microphone choice, the sample rate in use and what the device keeps switched on. */
export function InputPanel(props: InputPanelProps) {
  const { t, i18n } = useTranslation();
  const { microphones, deviceId, keptOn, sampleRateHz, live } = props;
  const hasDefault = microphones.some((m) => m.deviceId === 'default');
  return (
    <section className="panel record-input" aria-labelledby="record-input-title">
      <h3 id="record-input-title">{t('record.input')}</h3>
      <div className="record-fields">
        <label className="field">
          <span>{t('record.machine')}</span>
          <select
            value={props.machineId ?? ''}
            disabled={props.locked}
            onChange={(event) => props.onMachine(event.target.value)}
          >
            {props.machines.map((machine) => (
              <option key={machine.id} value={machine.id}>
                {machine.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('record.microphone')}</span>
          <select
            value={deviceId ?? ''}
            disabled={props.locked}
            onChange={(event) => props.onMicrophone(event.target.value || null)}
          >
            {!hasDefault && <option value="">{t('record.defaultMicrophone')}</option>}
            {microphones.map((m, i) => (
              <option key={m.deviceId} value={m.deviceId === 'default' ? '' : m.deviceId}>
                {m.label || t('record.unnamedMicrophone', { number: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        <p className="record-rate">
          {t('record.sampleRate')}{' '}
          <strong>
            {sampleRateHz === null ? '—' : formatNumber(sampleRateHz, i18n.language, 0)}
          </strong>
        </p>
      </div>
      <CaptureState live={live} />
      {live.phase !== 'failed' &&
        live.phase !== 'starting' &&
        (keptOn.length > 0 ? (
          <p className="notice" role="alert">
            {t('record.processingKept', {
              features: keptOn
                .map((feature) => t(FEATURE_KEYS[feature]))
                .join(t('record.listSeparator')),
            })}
          </p>
        ) : (
          <p className="muted">{t('record.processingOff')}</p>
        ))}
    </section>
  );
}
