import { useTranslation } from 'react-i18next';
import type { MachineDetail } from '../../../shared/api/contract.ts';
import { MachineHealth } from './MachineHealth.tsx';

export interface MachineHeaderProps {
  readonly machine: MachineDetail;
  readonly onEdit: () => void;
  readonly onBack: () => void;
}

/**
 * The machine's name, its health and its profile in one glance, with the way back and to
 * editing.
 */
export function MachineHeader({ machine, onEdit, onBack }: MachineHeaderProps) {
  const { t } = useTranslation();
  const { profile } = machine;
  return (
    <header className="machine-header">
      <button type="button" className="link" onClick={onBack}>
        {t('machines.back')}
      </button>
      <div className="section-header">
        <h2>
          {machine.name}
          {machine.isDemo && <span className="badge">{t('machines.demo')}</span>}
        </h2>
        <button type="button" onClick={onEdit}>
          {t('machines.edit')}
        </button>
      </div>
      <MachineHealth machine={machine} linkToReview />
      <p className="muted">
        {t('machines.profileSummary', {
          lineHz: profile.lineFrequencyHz,
          shafts: profile.shafts.length,
          components: profile.components.length,
        })}
      </p>
      {profile.components.length > 0 && (
        <ul className="chips" aria-label={t('editor.components')}>
          {profile.components.map((component) => (
            <li key={component.id}>
              {t(`componentTypes.${component.type}`)}: {component.name ?? component.id}
              {component.model ? ` (${component.model})` : ''}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
