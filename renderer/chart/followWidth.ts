import type uPlot from 'uplot';

/**
 * Keeps a uPlot chart as wide as `element` (at `heightPx` high) while the element resizes;
 * returns the function that stops it. uPlot draws at a fixed size of its own.
 */
export function followWidth(chart: uPlot, element: HTMLElement, heightPx: number): () => void {
  const observer = new ResizeObserver(() => {
    const width = Math.floor(element.clientWidth);
    if (width > 0 && width !== chart.width) chart.setSize({ width, height: heightPx });
  });
  observer.observe(element);
  return () => observer.disconnect();
}
