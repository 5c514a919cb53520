import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CAUSE_IDS, SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type { CauseId, Severity } from '../../../shared/diagnosis/report.ts';
import { FAULT_STATUSES, isFaultStatus } from '../../../shared/faultLog/workflow.ts';
import { causeName, severityName } from '../../../shared/i18n/diagnosisText.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { localDayEndMs, localDayStartMs } from './localDays.ts';
import type { FaultLogFilters } from '../../../shared/faultLog/filter.ts';

export interface FilterBarProps {
  readonly filters: FaultLogFilters;
  /** The date inputs as typed (the filters keep instants, which cannot be shown back). */
  readonly days: { readonly from: string; readonly until: string };
  readonly machines: readonly { readonly id: string; readonly name: string }[];
  readonly onChange: (filters: FaultLogFilters, days?: { from: string; until: string }) => void;
}

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('faultLog.filters.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** The filters above the table: machine, cause, status, severity, dates, words, archived. */
export function FaultLogFilterBar({ filters, days, machines, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const set = (change: Partial<FaultLogFilters>) => onChange({ ...filters, ...change });
  const setDays = (from: string, until: string) =>
    onChange(
      { ...filters, fromMs: localDayStartMs(from), untilMs: localDayEndMs(until) },
      {
        from,
        until,
      },
    );
  return (
    <div className="row fault-log-filters" role="search">
      <Field label={t('faultLog.filters.text')}>
        {(id) => (
          <input
            id={id}
            type="search"
            value={filters.text}
            onChange={(event) => set({ text: event.target.value })}
          />
        )}
      </Field>
      <Select
        label={t('faultLog.columns.machine')}
        value={filters.machineId ?? ''}
        options={machines.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(value) => set({ machineId: value === '' ? null : value })}
      />
      <Select
        label={t('faultLog.filters.cause')}
        value={filters.causeId ?? ''}
        options={CAUSE_IDS.map((id) => ({ value: id, label: causeName(id, lang) }))}
        onChange={(value) => set({ causeId: value === '' ? null : (value as CauseId) })}
      />
      <Select
        label={t('faultLog.columns.status')}
        value={filters.status ?? ''}
        options={FAULT_STATUSES.map((s) => ({ value: s, label: t(`faultLog.statuses.${s}`) }))}
        onChange={(value) => set({ status: isFaultStatus(value) ? value : null })}
      />
      <Select
        label={t('faultLog.columns.severity')}
        value={filters.severity ?? ''}
        options={SEVERITIES.map((s) => ({ value: s, label: severityName(s, lang) }))}
        onChange={(value) => set({ severity: value === '' ? null : (value as Severity) })}
      />
      <Field label={t('faultLog.filters.from')}>
        {(id) => (
          <input
            id={id}
            type="date"
            value={days.from}
            onChange={(event) => setDays(event.target.value, days.until)}
          />
        )}
      </Field>
      <Field label={t('faultLog.filters.until')}>
        {(id) => (
          <input
            id={id}
            type="date"
            value={days.until}
            onChange={(event) => setDays(days.from, event.target.value)}
          />
        )}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filters.showArchived}
          onChange={(event) => set({ showArchived: event.target.checked })}
        />
        {t('faultLog.filters.showArchived')}
      </label>
    </div>
  );
}
