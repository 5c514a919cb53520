import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { BaselinePanel, useBaselineBuild, useBaselineSpectrum } from '../baselines/index.ts';
import { ImportPanel, RecordingTable, useImports, useRecordings } from '../recordings/index.ts';
import { MachineHeader } from './MachineHeader.tsx';
import { useMachine } from './useMachines.ts';

export interface MachineDetailPageProps {
  readonly machineId: string;
  readonly onEdit: () => void;
  readonly onBack: () => void;
}

/** One machine: its profile at a glance, its recordings and imports, its baseline. */
export function MachineDetailPage({ machineId, onEdit, onBack }: MachineDetailPageProps) {
  const { t } = useTranslation();
  const machine = useMachine(machineId);
  const recordings = useRecordings(machineId);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const reloadMachine = machine.reload;
  const reloadRecordings = recordings.reload;
  const onImported = useCallback(() => {
    reloadRecordings();
    reloadMachine();
  }, [reloadRecordings, reloadMachine]);
  const imports = useImports(machineId, onImported);
  const build = useBaselineBuild(machineId, reloadMachine);
  const baselineId = machine.data?.baseline?.id ?? null;
  const spectrum = useBaselineSpectrum(machineId, baselineId);
  const toggle = (recordingId: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(recordingId);
      else next.delete(recordingId);
      return next;
    });
  // Only recordings still listed count (one may have been removed on another window).
  const chosen = (recordings.data ?? []).filter((r) => selected.has(r.id)).map((r) => r.id);

  if (machine.data === null) {
    return (
      <div>
        <button type="button" className="link" onClick={onBack}>
          {t('machines.back')}
        </button>
        {machine.error !== null ? (
          <ErrorText message={machine.error} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </div>
    );
  }
  return (
    <div className="machine-detail">
      <MachineHeader machine={machine.data} onEdit={onEdit} onBack={onBack} />
      <section className="panel" aria-labelledby="recordings-title">
        <h3 id="recordings-title">{t('recordings.title')}</h3>
        <ErrorText message={recordings.error} />
        {recordings.data !== null && recordings.data.length === 0 && (
          <p className="muted">{t('recordings.none')}</p>
        )}
        {recordings.data !== null && recordings.data.length > 0 && (
          <RecordingTable recordings={recordings.data} selectedIds={selected} onToggle={toggle} />
        )}
        <ImportPanel
          items={imports.items}
          onFiles={imports.importFiles}
          onClearFinished={imports.clearFinished}
        />
      </section>
      <BaselinePanel
        baseline={machine.data.baseline}
        selectedCount={chosen.length}
        build={build}
        onBuild={() => build.build(chosen)}
        spectrum={spectrum.data}
        spectrumError={spectrum.error}
      />
    </div>
  );
}
