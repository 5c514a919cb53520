import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { Pending } from '../../components/Pending.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import { FaultLogDetail } from './FaultLogDetail.tsx';

export interface LinkedEntryProps {
  readonly entryId: string;
  readonly listHref: string;
  readonly reviewHrefFor: (recordingId: string) => string;
  readonly onChanged: (entry: FaultLogEntry) => void;
}

/**
 * An entry opened by its link that is not among the loaded pages (a reload of its address, an
 * entry older than the first page): asked of the host by itself (faultLog.get).
 */
export function LinkedEntry({ entryId, listHref, reviewHrefFor, onChanged }: LinkedEntryProps) {
  const { t } = useTranslation();
  const api = useApi();
  const load = useCallback(() => api.faultLog.get(entryId), [api, entryId]);
  const loaded = useLoad(load);
  const [changed, setChanged] = useState<FaultLogEntry | null>(null);
  const entry = changed?.id === entryId ? changed : loaded.data;
  if (entry === null) {
    return (
      <section className="fault-log">
        <p>
          <a href={listHref}>{t('faultLog.back')}</a>
        </p>
        <Pending error={loaded.error} />
      </section>
    );
  }
  return (
    <FaultLogDetail
      entry={entry}
      listHref={listHref}
      reviewHrefFor={reviewHrefFor}
      onChanged={(next) => {
        setChanged(next);
        onChanged(next);
      }}
    />
  );
}
