import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredDiagnosis } from '../../../shared/api/contract.ts';
import { SEVERITIES } from '../../../shared/diagnosis/vocabulary.ts';
import type { Severity } from '../../../shared/diagnosis/vocabulary.ts';
import { causeName, severityName } from '../../../shared/i18n/diagnosisText.ts';
import type {
  ExpertVerdict,
  VerdictCause,
  VerdictDecision,
} from '../../../shared/verdicts/expertVerdict.ts';
import {
  MAX_OTHER_CAUSE_LENGTH,
  MAX_VERDICT_TEXT_LENGTH,
  VERDICT_CAUSES,
} from '../../../shared/verdicts/expertVerdict.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { MAX_PERSON_NAME_LENGTH } from '../../../shared/api/limits.ts';
import { usePersonName } from '../settings/index.ts';

interface Draft {
  readonly decision: VerdictDecision;
  readonly causeId: VerdictCause | '';
  readonly otherCause: string;
  readonly componentId: string;
  readonly severity: Severity | '';
  readonly action: string;
  readonly comment: string;
}

function initialDraft(diagnosis: StoredDiagnosis): Draft {
  const top = diagnosis.report.causes[0];
  return {
    decision: top ? 'confirm' : 'correct',
    causeId: '',
    otherCause: '',
    componentId: top?.componentId ?? '',
    severity: top?.severity ?? '',
    action: '',
    comment: '',
  };
}

/** What keeps the draft from being sent, as a catalogue key, or null. */
function draftProblem(draft: Draft, name: string): string | null {
  if (draft.decision === 'correct' && draft.causeId === '') return 'expertVerdict.causeNeeded';
  if (draft.decision === 'correct' && draft.causeId === 'other' && draft.otherCause.trim() === '') {
    return 'expertVerdict.otherNeeded';
  }
  return name.trim() === '' ? 'expertVerdict.nameNeeded' : null;
}

/** The choice of cause for a correction: every cause but the automatic one, then "other". */
function CauseFields({ draft, set, automatic }: FieldProps & { automatic: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const causeId = useId();
  const otherId = useId();
  return (
    <>
      <label htmlFor={causeId}>{t('expertVerdict.cause')}</label>
      <select
        id={causeId}
        value={draft.causeId}
        onChange={(event) => set({ causeId: event.target.value as VerdictCause | '' })}
      >
        <option value="">—</option>
        {VERDICT_CAUSES.filter((cause) => cause !== automatic).map((cause) => (
          <option key={cause} value={cause}>
            {cause === 'other' ? t('expertVerdict.other') : causeName(cause, lang)}
          </option>
        ))}
      </select>
      {draft.causeId === 'other' && (
        <>
          <label htmlFor={otherId}>{t('expertVerdict.otherCause')}</label>
          <input
            id={otherId}
            type="text"
            maxLength={MAX_OTHER_CAUSE_LENGTH}
            value={draft.otherCause}
            onChange={(event) => set({ otherCause: event.target.value })}
          />
        </>
      )}
    </>
  );
}

interface FieldProps {
  readonly draft: Draft;
  readonly set: (change: Partial<Draft>) => void;
}

/** Component, severity, what to do and a comment. */
function DetailFields({ draft, set, components }: FieldProps & { components: string[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const ids = { component: useId(), severity: useId(), action: useId(), comment: useId() };
  return (
    <>
      <label htmlFor={ids.component}>{t('expertVerdict.component')}</label>
      <select
        id={ids.component}
        value={draft.componentId}
        onChange={(event) => set({ componentId: event.target.value })}
      >
        <option value="">{t('expertVerdict.noComponent')}</option>
        {components.map((component) => (
          <option key={component} value={component}>
            {component}
          </option>
        ))}
      </select>
      <label htmlFor={ids.severity}>{t('expertVerdict.severity')}</label>
      <select
        id={ids.severity}
        value={draft.severity}
        onChange={(event) => set({ severity: event.target.value as Severity | '' })}
      >
        <option value="">{t('expertVerdict.notGiven')}</option>
        {SEVERITIES.map((severity) => (
          <option key={severity} value={severity}>
            {severityName(severity, lang)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.action}>{t('expertVerdict.action')}</label>
      <textarea
        id={ids.action}
        rows={2}
        maxLength={MAX_VERDICT_TEXT_LENGTH}
        value={draft.action}
        onChange={(event) => set({ action: event.target.value })}
      />
      <label htmlFor={ids.comment}>{t('expertVerdict.comment')}</label>
      <textarea
        id={ids.comment}
        rows={2}
        maxLength={MAX_VERDICT_TEXT_LENGTH}
        value={draft.comment}
        onChange={(event) => set({ comment: event.target.value })}
      />
    </>
  );
}

/**
 * The name this browser remembers (the fault log's), under its own label: Review and the entry
 * page already have a "Your name" field, and a verdict names the expert.
 */
function ExpertNameField() {
  const { t } = useTranslation();
  const id = useId();
  const { name, setName } = usePersonName();
  return (
    <div className="person-name">
      <label htmlFor={id}>{t('expertVerdict.name')}</label>
      <input
        id={id}
        type="text"
        autoComplete="name"
        maxLength={MAX_PERSON_NAME_LENGTH}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
    </div>
  );
}

/**
 * An expert's verdict on a stored diagnosis: confirm its top cause or correct it (another cause
 * of the vocabulary, or "other" in words), with component, severity, what to do, a comment and
 * the name this browser remembers.
 */
export function VerdictForm({
  diagnosis,
  onRecorded,
}: {
  diagnosis: StoredDiagnosis;
  onRecorded: (verdict: ExpertVerdict) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const describeError = useErrorSentence();
  const { name } = usePersonName();
  const [draft, setDraft] = useState(() => initialDraft(diagnosis));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setDone(false);
  };
  const automatic = diagnosis.report.causes[0]?.id ?? null;
  const components = [
    ...new Set(diagnosis.report.causes.flatMap((c) => (c.componentId ? [c.componentId] : []))),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = draftProblem(draft, name);
    if (problem !== null) return setError(t(problem));
    setBusy(true);
    setError(null);
    const correcting = draft.decision === 'correct';
    api.verdicts
      .record(diagnosis.id, {
        decision: draft.decision,
        causeId: correcting && draft.causeId !== '' ? draft.causeId : null,
        otherCause: correcting && draft.causeId === 'other' ? draft.otherCause.trim() : '',
        componentId: draft.componentId === '' ? null : draft.componentId,
        severity: draft.severity === '' ? null : draft.severity,
        action: draft.action.trim(),
        comment: draft.comment.trim(),
        expertName: name,
      })
      .then(
        (verdict) => {
          setDone(true);
          onRecorded(verdict);
        },
        (failure: unknown) => setError(describeError(failure)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="verdict-form" onSubmit={submit}>
      <fieldset>
        <legend>{t('expertVerdict.decision')}</legend>
        {(['confirm', 'correct'] as const).map((decision) => (
          <label key={decision} className="inline">
            <input
              type="radio"
              name={`decision-${diagnosis.id}`}
              value={decision}
              checked={draft.decision === decision}
              disabled={decision === 'confirm' && automatic === null}
              onChange={() => set({ decision })}
            />{' '}
            {t(`expertVerdict.${decision}`)}
          </label>
        ))}
      </fieldset>
      {draft.decision === 'correct' && (
        <CauseFields draft={draft} set={set} automatic={automatic} />
      )}
      <DetailFields draft={draft} set={set} components={components} />
      <ExpertNameField />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('expertVerdict.recording') : t('expertVerdict.record')}
        </button>
        <span role="status" className="saved-text">
          {done ? t('expertVerdict.recorded') : ''}
        </span>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
