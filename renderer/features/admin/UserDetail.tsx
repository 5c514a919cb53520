import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { adminClient } from './adminClient.ts';
import { PlantChoices } from './PlantChoices.tsx';
import type { AdminPlant, AdminUser } from '../../../shared/hub/admin.ts';
import { useAdminAction } from './useAdminAction.ts';

function Devices({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const load = useCallback(() => adminClient.devices(user.id), [user.id]);
  const devices = useLoad(load);
  const { reload } = devices;
  const afterRevoke = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);
  const action = useAdminAction(afterRevoke);
  const live = (devices.data ?? []).filter((device) => !device.revoked);
  return (
    <section aria-labelledby="devices-title">
      <h4 id="devices-title">{t('admin.devices.title')}</h4>
      {devices.data !== null && devices.data.length === 0 && <p>{t('admin.devices.none')}</p>}
      {devices.data !== null && devices.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.devices.name')}</th>
              <th scope="col">{t('admin.devices.created')}</th>
              <th scope="col">{t('admin.devices.lastSeen')}</th>
              <th scope="col">{t('admin.devices.state')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((device) => (
              <tr key={device.id}>
                <td className="name-cell">{device.name || t('admin.devices.unnamed')}</td>
                <td>{formatDateTime(device.createdAt, lang)}</td>
                <td>{formatDateTime(device.lastSeenAt, lang)}</td>
                <td>
                  {device.revoked ? (
                    t('admin.devices.revoked')
                  ) : (
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() =>
                        void action.run(() => adminClient.revokeDevices(user.id, device.id))
                      }
                    >
                      {t('admin.devices.revoke', {
                        name: device.name || t('admin.devices.unnamed'),
                      })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {live.length > 1 && (
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void action.run(() => adminClient.revokeDevices(user.id, null))}
        >
          {t('admin.devices.revokeAll')}
        </button>
      )}
      <ErrorText message={action.error ?? devices.error} />
    </section>
  );
}

/** One user: their plants, whether they may sign in, and their device tokens. */
export function UserDetail(props: {
  user: AdminUser;
  plants: readonly AdminPlant[];
  isSelf: boolean;
  onChanged: () => void;
}) {
  const { user, plants, isSelf, onChanged } = props;
  const { t } = useTranslation();
  const [plantIds, setPlantIds] = useState<readonly string[]>(user.plantIds);
  const action = useAdminAction(onChanged);
  return (
    <section className="admin-detail" aria-labelledby="user-detail-title">
      <h3 id="user-detail-title">{user.name}</h3>
      <PlantChoices plants={plants} plantIds={plantIds} onChange={setPlantIds}>
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void action.run(() => adminClient.setUserPlants(user.id, [...plantIds]))}
        >
          {t('admin.users.savePlants')}
        </button>
      </PlantChoices>
      {!isSelf && (
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void action.run(() => adminClient.setDisabled(user.id, !user.disabled))}
        >
          {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
        </button>
      )}
      <ErrorText message={action.error} />
      <Devices user={user} onChanged={onChanged} />
    </section>
  );
}
