import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPlant } from '../../../shared/hub/admin.ts';

/** The plants as checkboxes, those in `plantIds` ticked; `children` follow inside the fieldset. */
export function PlantChoices(props: {
  plants: readonly AdminPlant[];
  plantIds: readonly string[];
  onChange: (plantIds: readonly string[]) => void;
  children?: ReactNode;
}) {
  const { plants, plantIds, onChange, children } = props;
  const { t } = useTranslation();
  const toggle = (plantId: string, on: boolean) =>
    onChange(on ? [...plantIds, plantId] : plantIds.filter((id) => id !== plantId));
  return (
    <fieldset>
      <legend>{t('admin.users.plants')}</legend>
      {plants.map((plant) => (
        <label key={plant.id} className="inline-choice">
          <input
            type="checkbox"
            checked={plantIds.includes(plant.id)}
            onChange={(e) => toggle(plant.id, e.target.checked)}
          />
          {plant.name}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
