import { useCallback, useMemo, useState } from 'react';
import type { MachineDetail } from '../../../shared/api/contract.ts';
import type { ComponentType } from '../../../shared/diagnosis/profile.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { buildPreview } from './previewRows.ts';
import type { Preview } from './previewRows.ts';
import { newComponent, newShaft } from './profileDraft.ts';
import type { ComponentDraft, MachineDraft, ShaftDraft } from './profileDraft.ts';
import { checkDraft } from './profileProblems.ts';
import type { DraftCheck } from './profileProblems.ts';

/** What the machine form can do; the form component receives it as props. */
export interface MachineEditorActions {
  readonly setName: (name: string) => void;
  readonly setLineFrequency: (hz: '50' | '60') => void;
  readonly addShaft: () => void;
  readonly updateShaft: (key: string, change: Partial<Omit<ShaftDraft, 'key'>>) => void;
  readonly removeShaft: (key: string) => void;
  readonly addComponent: (type: ComponentType) => void;
  readonly updateComponent: (key: string, change: Partial<Omit<ComponentDraft, 'key'>>) => void;
  readonly setComponentValue: (key: string, field: string, value: string) => void;
  readonly removeComponent: (key: string) => void;
}

export interface MachineEditor {
  readonly draft: MachineDraft;
  readonly check: DraftCheck;
  /** The profile allows no name (the id stands in), but a machine in the list needs one. */
  readonly nameMissing: boolean;
  /** The live preview of the form's profile; null while the form has a problem. */
  readonly preview: Preview | null;
  readonly showAllLines: boolean;
  readonly setShowAllLines: (showAll: boolean) => void;
  readonly actions: MachineEditorActions;
  readonly saving: boolean;
  readonly saveError: string | null;
  /** Creates or updates the machine; resolves to it, or null when the host refused. */
  readonly save: () => Promise<MachineDetail | null>;
}

function useDraftActions(
  setDraft: (update: (d: MachineDraft) => MachineDraft) => void,
): MachineEditorActions {
  return useMemo(() => {
    const mapShafts = (key: string, f: (s: ShaftDraft) => ShaftDraft) =>
      setDraft((d) => ({ ...d, shafts: d.shafts.map((s) => (s.key === key ? f(s) : s)) }));
    const mapComponents = (key: string, f: (c: ComponentDraft) => ComponentDraft) =>
      setDraft((d) => ({ ...d, components: d.components.map((c) => (c.key === key ? f(c) : c)) }));
    return {
      setName: (name) => setDraft((d) => ({ ...d, name })),
      setLineFrequency: (hz) => setDraft((d) => ({ ...d, lineFrequencyHz: hz })),
      addShaft: () => setDraft((d) => ({ ...d, shafts: [...d.shafts, newShaft(d)] })),
      updateShaft: (key, change) => mapShafts(key, (s) => ({ ...s, ...change })),
      removeShaft: (key) =>
        setDraft((d) => ({ ...d, shafts: d.shafts.filter((s) => s.key !== key) })),
      addComponent: (type) =>
        setDraft((d) => ({ ...d, components: [...d.components, newComponent(d, type)] })),
      updateComponent: (key, change) => mapComponents(key, (c) => ({ ...c, ...change })),
      setComponentValue: (key, field, value) =>
        mapComponents(key, (c) => ({ ...c, values: { ...c.values, [field]: value } })),
      removeComponent: (key) =>
        setDraft((d) => ({ ...d, components: d.components.filter((c) => c.key !== key) })),
    };
  }, [setDraft]);
}

/**
 * The machine form's state, its validation on every change (the host's own parser) and the
 * live preview of characteristic frequencies. `machineId` null creates a new machine.
 */
export function useMachineEditor(
  initial: () => MachineDraft,
  machineId: string | null,
): MachineEditor {
  const describeError = useErrorSentence();
  const api = useApi();
  const [draft, setDraft] = useState(initial);
  const [showAllLines, setShowAllLines] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const actions = useDraftActions(setDraft);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const nameMissing = draft.name.trim() === '';
  const validProfile = check.ok ? check.profile : null;
  const preview = useMemo(
    () => (validProfile ? buildPreview(validProfile, showAllLines) : null),
    [validProfile, showAllLines],
  );
  const save = useCallback(async () => {
    if (!check.ok || nameMissing) return null;
    setSaving(true);
    setSaveError(null);
    try {
      return machineId === null
        ? await api.machines.create(check.json)
        : await api.machines.update(machineId, check.json);
    } catch (error) {
      setSaveError(describeError(error));
      return null;
    } finally {
      setSaving(false);
    }
  }, [api, check, machineId, nameMissing, describeError]);
  return {
    draft,
    check,
    nameMissing,
    preview,
    showAllLines,
    setShowAllLines,
    actions,
    saving,
    saveError,
    save,
  };
}
