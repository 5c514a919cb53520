import { useTranslation } from 'react-i18next';
import type { MachineSummary } from '../../../shared/api/contract.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { MachineHealth } from './MachineHealth.tsx';

export interface MachineListProps {
  readonly machines: readonly MachineSummary[] | null;
  readonly error: string | null;
  readonly onOpen: (machineId: string) => void;
  readonly onNew: () => void;
}

/**
 * The library's machines, each with its health at a glance and opening its page, and the button
 * that creates one.
 */
export function MachineList({ machines, error, onOpen, onNew }: MachineListProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="machine-list-title">
      <div className="section-header">
        <h2 id="machine-list-title">{t('machines.title')}</h2>
        <button type="button" className="primary" onClick={onNew}>
          {t('machines.new')}
        </button>
      </div>
      <ErrorText message={error} />
      {machines === null && error === null && <p className="muted">{t('common.loading')}</p>}
      {machines !== null && machines.length === 0 && <p className="muted">{t('machines.none')}</p>}
      {machines !== null && machines.length > 0 && (
        <ul className="machine-list">
          {machines.map((machine) => (
            <li key={machine.id}>
              <button type="button" className="machine-card" onClick={() => onOpen(machine.id)}>
                <span className="machine-name">
                  {machine.name}
                  {machine.isDemo && <span className="badge">{t('machines.demo')}</span>}
                </span>
                <span className="muted">
                  {t('machines.summary', {
                    recordings: machine.recordingCount,
                    lineHz: machine.lineFrequencyHz,
                  })}
                </span>
                <MachineHealth machine={machine} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
