import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/diagnosis/report.ts';
import { formatFrequencyHz, formatNumber } from '../../format/numbers.ts';

/** What the comparison with the baseline found, behind a disclosure: kind, frequency, excess. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t, i18n } = useTranslation();
  if (findings.length === 0) return null;
  const lang = i18n.language;
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
              <td className="number">{formatNumber(finding.excessDb, lang, 1)}</td>
              <td>{finding.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
