import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/ErrorText.tsx';
import { formatDateTime } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { adminClient, adminErrorKey } from './adminClient.ts';
import type { AuditLine } from '../../../shared/hub/admin.ts';

/** The audit log, newest first, fifty lines at a time. */
export function AuditPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [lines, setLines] = useState<readonly AuditLine[]>([]);
  const [next, setNext] = useState<number | null>(null);
  // The key, worded at render: a failure reads in the language shown now. Kept out of `fail`, so
  // a language switch neither reloads the first page (dropping those listed) nor leaves `asked`
  // naming the next page, which made Show older do nothing.
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const fail = useCallback((caught: unknown) => setErrorKey(adminErrorKey(caught)), []);
  // The page on its way: a second click before it comes would list it twice.
  const asked = useRef<number | null>(null);
  useEffect(() => {
    let live = true;
    adminClient.audit(null).then((page) => {
      if (!live) return;
      setLines(page.lines);
      setNext(page.nextBeforeSeq);
    }, fail);
    return () => {
      live = false;
    };
  }, [fail]);
  const more = (before: number) => {
    if (asked.current === before) return;
    asked.current = before;
    adminClient.audit(before).then(
      (page) => {
        setLines((previous) => [...previous, ...page.lines]);
        setNext(page.nextBeforeSeq);
      },
      (caught: unknown) => {
        asked.current = null;
        fail(caught);
      },
    );
  };
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.what')}</th>
            <th scope="col">{t('admin.audit.address')}</th>
            <th scope="col">{t('admin.audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.seq}>
              <td>{formatDateTime(line.at, lang)}</td>
              <td>{line.userName ?? t('admin.audit.nobody')}</td>
              <td>
                <code>{line.action}</code>
              </td>
              <td>{line.address}</td>
              <td className="name-cell">
                <code>{JSON.stringify(line.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {next !== null && (
        <button type="button" onClick={() => more(next)}>
          {t('admin.audit.more')}
        </button>
      )}
      <ErrorText message={errorKey === null ? null : t(errorKey)} />
    </section>
  );
}
