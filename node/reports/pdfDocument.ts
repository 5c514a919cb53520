/**
 * A PDF being written with PDFKit: the paper, the one font family both languages print in
 * (Noto Sans SC, SIL Open Font License 1.1, from the npm package @expo-google-fonts/noto-sans-sc,
 * which carries the licence as LICENSE_FONT), and its bytes once finished. PDFKit embeds a
 * subset of each font holding only the glyphs the document uses, with a ToUnicode map so the
 * text can be searched and copied, in Chinese too.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { PAPER_POINTS } from '../../shared/reports/paper.ts';
import type { PaperSize } from '../../shared/reports/paper.ts';

export type Pdf = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** The TrueType files, resolved where npm installed the package (no download at run time). */
export const FONT_FILES = {
  regular: require.resolve(`${FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`),
  bold: require.resolve(`${FONT_PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`),
} as const;

/** The names the documents select fonts by. */
export const REGULAR = 'NotoSansSC-Regular';
export const BOLD = 'NotoSansSC-Bold';

/** Page margin in points (15 mm): inside what office printers can print on both papers. */
export const MARGIN_PT = 42;

export interface NewPdf {
  readonly doc: Pdf;
  /** The document's bytes, once `doc.end()` has been called. */
  readonly bytes: Promise<Uint8Array>;
}

/** A new document on `paper`, fonts registered, pages kept until the end (for page numbers). */
export function createPdf(paper: PaperSize, title: string, lang: string): NewPdf {
  const { widthPt, heightPt } = PAPER_POINTS[paper];
  const doc = new PDFDocument({
    size: [widthPt, heightPt],
    margin: MARGIN_PT,
    bufferPages: true,
    autoFirstPage: true,
    lang,
    displayTitle: true,
    info: { Title: title, Creator: 'Auscult', Producer: 'Auscult' },
  });
  doc.registerFont(REGULAR, FONT_FILES.regular);
  doc.registerFont(BOLD, FONT_FILES.bold);
  doc.font(REGULAR);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/**
 * One line of text at (x, y), cut with an ellipsis to `width`; never starts a new page (PDFKit
 * adds one when text runs past the bottom margin, which a footer or a full table would).
 */
export function textLine(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.text(text, x, y, {
    width,
    lineBreak: false,
    ellipsis: true,
    height: doc.currentLineHeight(),
    ...options,
  });
  doc.page.margins.bottom = bottom;
}

/** The height a wrapped text takes at the current font and size in a column `width` wide. */
export function textHeight(doc: Pdf, text: string, width: number): number {
  return doc.heightOfString(text, { width });
}

/** A time as a person reads it on paper in either language: `2025-03-04 05:06 UTC`. */
export function utcMinute(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Writes "Page i of n" at the foot of every page (after all pages exist). */
export function numberPages(doc: Pdf, label: (index: number, count: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    doc.font(REGULAR).fontSize(7.5).fillColor('#666666');
    textLine(
      doc,
      label(i + 1, range.count),
      MARGIN_PT,
      height - MARGIN_PT + 12,
      width - 2 * MARGIN_PT,
      {
        align: 'right',
      },
    );
  }
}
