import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminErrorKey } from './adminClient.ts';

/**
 * Runs an admin change, then `after` (a reload); while it runs `busy` is true, and a failure
 * becomes one translated sentence in `error`. Resolves to whether it succeeded.
 */
export function useAdminAction(after: () => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await work();
        after();
        return true;
      } catch (caught) {
        setError(t(adminErrorKey(caught)));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [after, t],
  );
  return { busy, error, run };
}
