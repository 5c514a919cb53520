/**
 * PDFs read back as a reader would: pdfjs-dist (Mozilla's PDF engine, its Node build) for the
 * text of each page (through the fonts' ToUnicode maps, so Chinese comes back only when they are
 * right), the page sizes and rendered pages (@napi-rs/canvas, pdfjs' own canvas for Node), and
 * the file's font dictionaries read from the bytes to check that every font is embedded.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const PDF_OUTPUT_DIR = join(import.meta.dirname, '..', '..', 'test-output', 'reports');

export interface ReadPdf {
  readonly pageCount: number;
  /** Width and height of each page, in points. */
  readonly pageSizes: readonly { widthPt: number; heightPt: number }[];
  /** Each page's text, its pieces joined with spaces. */
  readonly pageTexts: readonly string[];
  /** All the text of the document. */
  readonly text: string;
}

async function open(bytes: Uint8Array) {
  // pdfjs takes ownership of the buffer it is given: a copy leaves the caller's bytes intact.
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await open(bytes);
  const pageSizes: { widthPt: number; heightPt: number }[] = [];
  const pageTexts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    pageSizes.push({ widthPt: x1 - x0, heightPt: y1 - y0 });
    const content = await page.getTextContent();
    pageTexts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return { pageCount: pageSizes.length, pageSizes, pageTexts, text: pageTexts.join('\n') };
}

export interface FontDictionary {
  /** The BaseFont name, e.g. `ABCDEF+NotoSansSC-Regular` (a subset's six-letter tag first). */
  readonly baseFont: string;
  /** Whether the descriptor holds the font's program (FontFile, FontFile2 or FontFile3). */
  readonly embedded: boolean;
  /** Whether the font (or its Type 0 parent) has a ToUnicode map. */
  readonly toUnicode: boolean;
}

/**
 * The font dictionaries of the file: the descendant (CID) fonts and simple fonts, each with
 * whether its descriptor embeds a font file. Read from the object dictionaries, which PDF writers
 * leave uncompressed (only streams are compressed).
 */
export function pdfFonts(bytes: Uint8Array): FontDictionary[] {
  const text = Buffer.from(bytes).toString('latin1');
  const objects = new Map<string, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    objects.set(match[1], match[2]);
  }
  const fonts: FontDictionary[] = [];
  for (const body of objects.values()) {
    if (!/\/Type\s*\/Font\b/.test(body) || /\/Subtype\s*\/Type0/.test(body)) continue;
    const baseFont = /\/BaseFont\s*\/([^\s/>]+)/.exec(body)?.[1] ?? '';
    const descriptorRef = /\/FontDescriptor\s+(\d+) 0 R/.exec(body)?.[1];
    const descriptor = descriptorRef ? (objects.get(descriptorRef) ?? '') : '';
    const parent = [...objects.values()].find(
      (other) => /\/Subtype\s*\/Type0/.test(other) && other.includes(`/BaseFont /${baseFont}`),
    );
    fonts.push({
      baseFont,
      embedded: /\/FontFile[23]?\s+\d+ 0 R/.test(descriptor),
      toUnicode: /\/ToUnicode\s+\d+ 0 R/.test(parent ?? body),
    });
  }
  return fonts;
}

export interface RenderedPage {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Whether the pixel at (x, y), as fractions of the page from its top left, is not white. */
  inkAt(x: number, y: number): boolean;
  /** The share of non-white pixels in a region given as fractions of the page. */
  inkShare(region: { x: number; y: number; width: number; height: number }): number;
}

/** Renders page `index` (from 1) at `scale` pixels per point and saves it as `name`.png. */
export async function renderPdfPage(
  bytes: Uint8Array,
  index: number,
  name: string,
  scale = 1.5,
): Promise<RenderedPage> {
  const pdf = await open(bytes);
  const page = await pdf.getPage(index);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
    canvas: canvas as unknown as HTMLCanvasElement,
  }).promise;
  const path = join(PDF_OUTPUT_DIR, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await canvas.encode('png'));
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  await pdf.destroy();
  const dark = (px: number, py: number) => {
    const i = (py * width + px) * 4;
    return data[i] < 230 || data[i + 1] < 230 || data[i + 2] < 230;
  };
  return {
    widthPx: width,
    heightPx: height,
    inkAt: (x, y) => dark(Math.floor(x * (width - 1)), Math.floor(y * (height - 1))),
    inkShare(region) {
      const x0 = Math.floor(region.x * width);
      const y0 = Math.floor(region.y * height);
      const x1 = Math.min(width, Math.ceil((region.x + region.width) * width));
      const y1 = Math.min(height, Math.ceil((region.y + region.height) * height));
      let inked = 0;
      for (let py = y0; py < y1; py++) for (let px = x0; px < x1; px++) if (dark(px, py)) inked++;
      return inked / Math.max(1, (x1 - x0) * (y1 - y0));
    },
  };
}
