/**
 * The paper sizes of printed reports (PDF), in PostScript points (1/72 inch), and the size a
 * reader of each language expects by default: Letter in North America, A4 in China.
 */
import type { Language } from '../api/limits.ts';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export function isPaperSize(value: unknown): value is PaperSize {
  return typeof value === 'string' && (PAPER_SIZES as readonly string[]).includes(value);
}

/** Width and height in points: A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
export const PAPER_POINTS: Readonly<Record<PaperSize, { widthPt: number; heightPt: number }>> = {
  a4: { widthPt: 595.28, heightPt: 841.89 },
  letter: { widthPt: 612, heightPt: 792 },
};

/** The paper a person reading `lang` most likely has in the printer. */
export function defaultPaper(lang: Language): PaperSize {
  return lang === 'zh-CN' ? 'a4' : 'letter';
}

/** What every printed report is asked for with. */
export interface ReportOptions {
  readonly language: Language;
  readonly paper: PaperSize;
}
