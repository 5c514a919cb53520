import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { adminClient } from './adminClient.ts';
import type { AdminPlant } from '../../../shared/hub/admin.ts';
import { useAdminAction } from './useAdminAction.ts';

function PlantRow({ plant, onChanged }: { plant: AdminPlant; onChanged: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(plant.name);
  const action = useAdminAction(onChanged);
  const label = t('admin.plants.renameLabel', { name: plant.name });
  return (
    <li>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void action.run(() => adminClient.renamePlant(plant.id, name));
        }}
      >
        <input aria-label={label} value={name} onChange={(e) => setName(e.target.value)} required />
        <button type="submit" disabled={action.busy || name.trim() === plant.name}>
          {t('admin.plants.rename')}
        </button>
        <ErrorText message={action.error} />
      </form>
    </li>
  );
}

/** The hub's plants: add one, rename one. */
export function PlantsPanel({
  plants,
  onChanged,
}: {
  plants: readonly AdminPlant[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const action = useAdminAction(onChanged);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => adminClient.addPlant(name))) setName('');
  };
  return (
    <section aria-labelledby="plants-title">
      <h2 id="plants-title">{t('admin.plants.title')}</h2>
      {plants.length === 0 && <p>{t('admin.plants.none')}</p>}
      <ul className="plain-list">
        {plants.map((plant) => (
          <PlantRow key={`${plant.id}:${plant.name}`} plant={plant} onChanged={onChanged} />
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <label>
          {t('admin.plants.newName')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <button type="submit" disabled={action.busy}>
          {t('admin.plants.add')}
        </button>
      </form>
      <ErrorText message={action.error} />
    </section>
  );
}
