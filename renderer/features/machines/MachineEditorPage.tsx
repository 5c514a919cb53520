import { useTranslation } from 'react-i18next';
import type { MachineDetail } from '../../../shared/api/contract.ts';
import { Pending } from '../../components/Pending.tsx';
import { MachineEditorView } from './MachineEditorView.tsx';
import { draftFromProfile, emptyDraft } from './profileDraft.ts';
import type { MachineDraft } from './profileDraft.ts';
import { useMachine } from './useMachines.ts';
import { useMachineEditor } from './useMachineEditor.ts';

interface EditorPageProps {
  readonly onSaved: (machine: MachineDetail) => void;
  readonly onCancel: () => void;
}

function EditorWithDraft({
  initial,
  machineId,
  title,
  onSaved,
  onCancel,
}: EditorPageProps & { initial: () => MachineDraft; machineId: string | null; title: string }) {
  const editor = useMachineEditor(initial, machineId);
  const save = async () => {
    const saved = await editor.save();
    if (saved) onSaved(saved);
  };
  return (
    <MachineEditorView
      title={title}
      editor={editor}
      onSave={() => void save()}
      onCancel={onCancel}
    />
  );
}

/** The form for a new machine. */
export function NewMachinePage(props: EditorPageProps) {
  const { t } = useTranslation();
  return (
    <EditorWithDraft
      {...props}
      initial={emptyDraft}
      machineId={null}
      title={t('editor.newTitle')}
    />
  );
}

/** The form for an existing machine, filled from its stored profile. */
export function EditMachinePage({ machineId, ...props }: EditorPageProps & { machineId: string }) {
  const { t } = useTranslation();
  const machine = useMachine(machineId);
  if (machine.data === null) {
    return <Pending error={machine.error} />;
  }
  const profile = machine.data.profile;
  return (
    <EditorWithDraft
      {...props}
      key={machine.data.id}
      initial={() => draftFromProfile(profile)}
      machineId={machine.data.id}
      title={t('editor.editTitle', { name: machine.data.name })}
    />
  );
}
