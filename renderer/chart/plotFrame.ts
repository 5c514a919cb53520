/**
 * What every spectrum chart draws around its data: colours, the grid with its tick labels, and
 * the axis titles. Shared by the baseline chart (SpectrumChart) and the live one.
 */

export const CHART_COLORS = {
  grid: '#d9dee5',
  axisText: '#4a5564',
  band: 'rgba(46, 125, 214, 0.22)',
  bandEdge: 'rgba(46, 125, 214, 0.55)',
  median: '#174a8b',
  live: '#d0461c',
  peak: '#7b1fa2',
  marker: 'rgba(30, 120, 60, 0.75)',
};

export interface PlotFrame {
  readonly plot: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  readonly frequencyTicks: readonly { readonly position: number; readonly value: number }[];
  readonly levelTicks: readonly { readonly position: number; readonly value: number }[];
}

/** Grid lines with their tick labels; `format` writes a tick value. */
export function drawGrid(
  ctx: CanvasRenderingContext2D,
  frame: PlotFrame,
  format: (value: number) => string,
): void {
  const { plot } = frame;
  ctx.strokeStyle = CHART_COLORS.grid;
  ctx.fillStyle = CHART_COLORS.axisText;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of frame.frequencyTicks) {
    const x = Math.round(tick.position) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, plot.top);
    ctx.lineTo(x, plot.bottom);
    ctx.stroke();
    ctx.fillText(format(tick.value), tick.position, plot.bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of frame.levelTicks) {
    const y = Math.round(tick.position) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.left, y);
    ctx.lineTo(plot.right, y);
    ctx.stroke();
    ctx.fillText(format(tick.value), plot.left - 6, tick.position);
  }
}

/** The axis titles under the frequency ticks and, turned, beside the level ticks. */
export function drawAxisTitles(
  ctx: CanvasRenderingContext2D,
  frame: PlotFrame,
  frequencyLabel: string,
  levelLabel: string,
): void {
  const { plot } = frame;
  ctx.fillStyle = CHART_COLORS.axisText;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(frequencyLabel, (plot.left + plot.right) / 2, plot.bottom + 38);
  ctx.save();
  ctx.translate(12, (plot.top + plot.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(levelLabel, 0, 0);
  ctx.restore();
}
