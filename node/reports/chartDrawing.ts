/** Drawing helpers the report charts share: frames, ticks, polylines and legends, in vector. */
import type { Axis, Box } from '../../shared/reports/chartScale.ts';
import { xOf, yOf } from '../../shared/reports/chartScale.ts';
import { REGULAR, textLine } from './pdfDocument.ts';
import type { Pdf } from './pdfDocument.ts';

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies, and in grey. */
export const SERIES_COLORS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

export const INK = '#222222';
export const MUTED = '#666666';
export const GRID = '#dddddd';

/** The frame and grid of a chart, with tick labels left of and under the box. */
export function drawFrame(
  doc: Pdf,
  box: Box,
  x: { axis: Axis; ticks: readonly number[]; label: (value: number) => string },
  y: { axis: Axis; ticks: readonly number[]; label: (value: number) => string },
): void {
  doc.save().lineWidth(0.4).strokeColor(GRID);
  for (const tick of x.ticks) {
    const px = xOf(box, x.axis, tick);
    doc
      .moveTo(px, box.y)
      .lineTo(px, box.y + box.height)
      .stroke();
  }
  for (const tick of y.ticks) {
    const py = yOf(box, y.axis, tick);
    doc
      .moveTo(box.x, py)
      .lineTo(box.x + box.width, py)
      .stroke();
  }
  doc.restore();
  doc.save().lineWidth(0.6).strokeColor(MUTED).rect(box.x, box.y, box.width, box.height).stroke();
  doc.restore();
  doc.font(REGULAR).fontSize(6.5).fillColor(MUTED);
  for (const tick of x.ticks) {
    textLine(doc, x.label(tick), xOf(box, x.axis, tick) - 20, box.y + box.height + 2, 40, {
      align: 'center',
    });
  }
  for (const tick of y.ticks) {
    textLine(doc, y.label(tick), box.x - 34, yOf(box, y.axis, tick) - 3.5, 31, { align: 'right' });
  }
}

/** A line through the points, inside the box (clipped). */
export function drawPolyline(
  doc: Pdf,
  box: Box,
  points: readonly (readonly [number, number])[],
  style: { color: string; width: number; dash?: number },
): void {
  if (points.length < 2) return;
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.moveTo(points[0][0], points[0][1]);
  for (const [x, y] of points.slice(1)) doc.lineTo(x, y);
  if (style.dash) doc.dash(style.dash, { space: style.dash });
  doc.lineWidth(style.width).lineJoin('round').strokeColor(style.color).stroke();
  doc.undash();
  doc.restore();
}

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** How the key is drawn: a line, a filled square, or a dashed line. */
  readonly kind: 'line' | 'fill' | 'dash';
  /** A fill's opacity, as the chart paints it (a pale band, a solid bar); default 1. */
  readonly opacity?: number;
}

/** Keys in one row from (x, y), wrapping to a second row when the width runs out. */
export function drawLegend(
  doc: Pdf,
  items: readonly LegendItem[],
  x: number,
  y: number,
  width: number,
): number {
  doc.font(REGULAR).fontSize(7);
  let cx = x;
  let cy = y;
  for (const item of items) {
    const itemWidth = 16 + doc.widthOfString(item.label) + 10;
    if (cx + itemWidth > x + width && cx > x) {
      cx = x;
      cy += 10;
    }
    doc.save();
    if (item.kind === 'fill') {
      doc
        .rect(cx, cy + 1, 12, 6)
        .fillOpacity(item.opacity ?? 1)
        .fill(item.color);
    } else {
      if (item.kind === 'dash') doc.dash(2, { space: 2 });
      doc
        .moveTo(cx, cy + 4)
        .lineTo(cx + 12, cy + 4)
        .lineWidth(1.2)
        .strokeColor(item.color)
        .stroke();
      doc.undash();
    }
    doc.restore();
    doc.fillColor(INK);
    textLine(doc, item.label, cx + 16, cy, itemWidth);
    cx += itemWidth;
  }
  return cy + 10 - y;
}
