import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import { AddUserForm } from './AddUserForm.tsx';
import { adminClient } from './adminClient.ts';
import type { AdminPlant, AdminUser } from '../../../shared/hub/admin.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { PlantsPanel } from './PlantsPanel.tsx';
import { UserDetail } from './UserDetail.tsx';

function UsersTable(props: {
  users: readonly AdminUser[];
  plants: readonly AdminPlant[];
  selectedId: string | null;
  onSelect: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const plantName = new Map(props.plants.map((plant) => [plant.id, plant.name]));
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('admin.users.name')}</th>
          <th scope="col">{t('admin.users.role')}</th>
          <th scope="col">{t('admin.users.plants')}</th>
          <th scope="col">{t('admin.users.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.users.manage')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((user) => (
          <tr key={user.id} aria-selected={user.id === props.selectedId}>
            <td className="name-cell">{user.name}</td>
            <td>{t(`admin.roles.${user.role}`)}</td>
            <td>
              {user.role === 'admin'
                ? t('admin.users.allPlants')
                : user.plantIds.map((id) => plantName.get(id) ?? id).join(', ') || '—'}
            </td>
            <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
            <td>
              <button type="button" onClick={() => props.onSelect(user.id)}>
                {t('admin.users.manageName', { name: user.name })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The admin's screen on a hub: users, plants, and the audit log. */
export function AdminScreen({ myName }: { myName: string }) {
  const { t } = useTranslation();
  const loadUsers = useCallback(() => adminClient.users(), []);
  const loadPlants = useCallback(() => adminClient.plants(), []);
  const users = useLoad(loadUsers);
  const plants = useLoad(loadPlants);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Every change adds a line to the audit log: a new key shows it from the top again.
  const [changes, setChanges] = useState(0);
  const { reload: reloadUsers } = users;
  const { reload: reloadPlants } = plants;
  const usersChanged = useCallback(() => {
    reloadUsers();
    setChanges((count) => count + 1);
  }, [reloadUsers]);
  const reloadAll = useCallback(() => {
    usersChanged();
    reloadPlants();
  }, [usersChanged, reloadPlants]);
  const selected = users.data?.find((user) => user.id === selectedId) ?? null;
  return (
    <div className="admin-screen">
      <h1>{t('admin.title')}</h1>
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t('admin.users.title')}</h2>
        <ErrorText message={users.error ?? plants.error} />
        {users.data !== null && plants.data !== null && (
          <>
            <UsersTable
              users={users.data}
              plants={plants.data}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
            {selected !== null && (
              <UserDetail
                key={selected.id}
                user={selected}
                plants={plants.data}
                isSelf={selected.name === myName}
                onChanged={usersChanged}
              />
            )}
            <AddUserForm plants={plants.data} onAdded={usersChanged} />
          </>
        )}
      </section>
      {plants.data !== null && <PlantsPanel plants={plants.data} onChanged={reloadAll} />}
      <AuditPanel key={changes} />
    </div>
  );
}
