import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ROLES } from '../../../shared/hub/admin.ts';
import type { AdminPlant, Role } from '../../../shared/hub/admin.ts';
import { adminClient } from './adminClient.ts';
import { PlantChoices } from './PlantChoices.tsx';
import { useAdminAction } from './useAdminAction.ts';

/** Adds a user with a role, plants and a first password (which they are told in person). */
export function AddUserForm({
  plants,
  onAdded,
}: {
  plants: readonly AdminPlant[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [password, setPassword] = useState('');
  const [plantIds, setPlantIds] = useState<readonly string[]>([]);
  const action = useAdminAction(onAdded);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const added = await action.run(() =>
      adminClient.addUser({ name, role, password, plantIds: [...plantIds] }),
    );
    if (added) {
      setName('');
      setPassword('');
      setPlantIds([]);
    }
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="add-user-title">
      <h3 id="add-user-title">{t('admin.users.add')}</h3>
      <label>
        {t('admin.users.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <label>
        {t('admin.users.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.users.password')}
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={12}
        />
      </label>
      <PlantChoices plants={plants} plantIds={plantIds} onChange={setPlantIds} />
      <p className="hint">{t('admin.users.passwordHint')}</p>
      <button type="submit" disabled={action.busy}>
        {t('admin.users.addButton')}
      </button>
      <ErrorText message={action.error} />
    </form>
  );
}
