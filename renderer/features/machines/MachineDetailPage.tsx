import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Pending } from '../../components/Pending.tsx';
import { useSelection } from '../../hooks/useSelection.ts';
import { BaselinePanel, useBaselineBuild, useBaselineSpectrum } from '../baselines/index.ts';
import { RecordingsPanel, useImports, useRecordings } from '../recordings/index.ts';
import { MachineHeader } from './MachineHeader.tsx';
import { TrendPanel } from './trend/TrendPanel.tsx';
import { useMachine } from './useMachines.ts';

export interface MachineDetailPageProps {
  readonly machineId: string;
  readonly onEdit: () => void;
  readonly onBack: () => void;
}

/** One machine: its profile at a glance, its recordings and imports, its baseline, its trend. */
export function MachineDetailPage({ machineId, onEdit, onBack }: MachineDetailPageProps) {
  const { t } = useTranslation();
  const machine = useMachine(machineId);
  const recordings = useRecordings(machineId);
  const [selected, toggle] = useSelection();
  const { reload: reloadMachine } = machine;
  const { reload: reloadRecordings } = recordings;
  const onImported = useCallback(() => {
    reloadRecordings();
    reloadMachine();
  }, [reloadRecordings, reloadMachine]);
  const imports = useImports(machineId, onImported);
  const build = useBaselineBuild(machineId, reloadMachine);
  const spectrum = useBaselineSpectrum(machineId, machine.data?.baseline?.id ?? null);
  // Only recordings still listed count (one may have been removed in another window).
  const chosen = (recordings.data ?? []).filter((r) => selected.has(r.id)).map((r) => r.id);
  if (machine.data === null) {
    return (
      <div>
        <button type="button" className="link" onClick={onBack}>
          {t('machines.back')}
        </button>
        <Pending error={machine.error} />
      </div>
    );
  }
  return (
    <div className="machine-detail">
      <MachineHeader machine={machine.data} onEdit={onEdit} onBack={onBack} />
      <RecordingsPanel
        recordings={recordings.data}
        error={recordings.error}
        selectedIds={selected}
        onToggle={toggle}
        items={imports.items}
        onFiles={imports.importFiles}
        onClearFinished={imports.clearFinished}
      />
      <BaselinePanel
        baseline={machine.data.baseline}
        selectedCount={chosen.length}
        build={build}
        onBuild={() => build.build(chosen)}
        spectrum={spectrum.data}
        spectrumError={spectrum.error}
      />
      <TrendPanel machineId={machineId} />
    </div>
  );
}
