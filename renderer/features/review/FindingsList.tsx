import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/diagnosis/report.ts';
import { renderFinding } from '../../../shared/i18n/diagnosisText.ts';
import { formatFrequencyHz, formatLevelDb } from '../../format/numbers.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * What the comparison with the baseline found, behind a disclosure: kind, frequency, excess and
 * the detail worded in the page's language.
 */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (findings.length === 0) return null;
  return (
    <details className="findings">
      <summary>{t('diagnosis.findings', { number: findings.length })}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('diagnosis.findingKind')}</th>
            <th scope="col">{t('chart.frequencyHz')}</th>
            <th scope="col">{t('diagnosis.excessDb')}</th>
            <th scope="col">{t('diagnosis.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((finding, i) => (
            <tr key={i}>
              <td>{t(`findingKinds.${finding.kind}`)}</td>
              <td className="number">{formatFrequencyHz(finding.frequencyHz, lang)}</td>
              <td className="number">{formatLevelDb(finding.excessDb, lang)}</td>
              <td>{renderFinding(finding.detail, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
