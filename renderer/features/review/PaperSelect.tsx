import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPaper, PAPER_SIZES } from '../../../shared/reports/paper.ts';
import type { PaperSize } from '../../../shared/reports/paper.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/**
 * The paper a PDF is made for: the language's usual one (Letter in English, A4 in Chinese) until
 * the person picks another.
 */
export function usePaper(): [PaperSize, (paper: PaperSize) => void] {
  const lang = useLanguage();
  const [chosen, setChosen] = useState<PaperSize | null>(null);
  return [chosen ?? defaultPaper(lang), setChosen];
}

export interface PaperSelectProps {
  readonly paper: PaperSize;
  readonly onChange: (paper: PaperSize) => void;
}

/** A small labelled choice of A4 or Letter beside a PDF button. */
export function PaperSelect({ paper, onChange }: PaperSelectProps) {
  const { t } = useTranslation();
  return (
    <label className="paper-select">
      {t('report.paper')}{' '}
      <select value={paper} onChange={(event) => onChange(event.target.value as PaperSize)}>
        {PAPER_SIZES.map((size) => (
          <option key={size} value={size}>
            {t(`report.papers.${size}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
