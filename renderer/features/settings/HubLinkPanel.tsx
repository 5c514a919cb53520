/**
 * Settings › Hub: connect this computer's library to an Auscult Hub (URL, name, password, and
 * the plant for someone of several), then its status, "Sync now" and "Disconnect". The password
 * goes to the hub once; the host keeps only the hub's device token.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubLinkStatus } from '../../../shared/api/contract.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { megabytes, useErrorSentence } from '../../api/errors.ts';
import { useHubLink } from './useHubLink.ts';
import type { HubLink } from './useHubLink.ts';

function ConnectForm({ link }: { link: HubLink }) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [plantId, setPlantId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.connect({ url, name, password, plantId: plantId || undefined });
  };
  const field = (key: string, value: string, set: (v: string) => void, type = 'text') => (
    <div>
      <label htmlFor={`${id}-${key}`}>{t(`hubLink.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        required
        value={value}
        autoComplete={type === 'password' ? 'current-password' : 'off'}
        onChange={(event) => set(event.target.value)}
      />
    </div>
  );
  return (
    <form onSubmit={submit}>
      {field('url', url, setUrl, 'url')}
      {field('name', name, setName)}
      {field('password', password, setPassword, 'password')}
      {link.plantIds.length > 0 && (
        <div>
          <label htmlFor={`${id}-plant`}>{t('hubLink.plant')}</label>
          <select id={`${id}-plant`} value={plantId} onChange={(e) => setPlantId(e.target.value)}>
            <option value="">{t('hubLink.choosePlant')}</option>
            {link.plantIds.map((plant) => (
              <option key={plant} value={plant}>
                {plant}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" disabled={link.busy}>
        {t('hubLink.connect')}
      </button>
    </form>
  );
}

function LinkStatus({ link, status }: { link: HubLink; status: HubLinkStatus }) {
  const { t, i18n } = useTranslation();
  const when = status.lastSyncAt
    ? new Date(status.lastSyncAt).toLocaleString(i18n.language)
    : t('hubLink.never');
  return (
    <div>
      <p>{t('hubLink.linked', { url: status.hubUrl, name: status.userName })}</p>
      <p>{t('hubLink.lastSync', { when })}</p>
      <p>
        {t('hubLink.pending', {
          rows: status.pendingRows,
          audio: status.pendingAudioBytes === 0 ? '0' : megabytes(status.pendingAudioBytes),
        })}
      </p>
      {status.syncing && <p>{t('hubLink.syncing')}</p>}
      {status.lastError && (
        <p role="status">
          {t(`hubLink.problems.${status.lastError.code}`, status.lastError.params)}
        </p>
      )}
      <button type="button" disabled={link.busy} onClick={link.syncNow}>
        {t('hubLink.syncNow')}
      </button>
      <button type="button" disabled={link.busy} onClick={link.disconnect}>
        {t('hubLink.disconnect')}
      </button>
    </div>
  );
}

/** In the app bar: "Hub" opens the panel; absent on a hub itself. */
export function HubLinkPanel() {
  const { t } = useTranslation();
  const link = useHubLink();
  const sentence = useErrorSentence();
  if (!link.available) return null;
  const linked = link.status?.hubUrl != null;
  return (
    <details className="hub-link">
      <summary>{t('hubLink.title')}</summary>
      <section aria-label={t('hubLink.title')}>
        <h2>{linked ? t('hubLink.title') : t('hubLink.connectTitle')}</h2>
        {link.status && linked ? (
          <LinkStatus link={link} status={link.status} />
        ) : (
          <ConnectForm link={link} />
        )}
        <ErrorText message={link.error ? sentence(link.error) : null} />
      </section>
    </details>
  );
}
