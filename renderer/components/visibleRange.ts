/** Which rows a virtualised table draws (VirtualTable.tsx): pure, so it is tested alone. */

/** The rows from `first` to before `last` that a scroll position and height show, with margins. */
export function visibleRange(
  scrollTopPx: number,
  viewportHeightPx: number,
  rowHeightPx: number,
  rowCount: number,
  overscanRows: number,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTopPx / rowHeightPx) - overscanRows);
  const shown = Math.ceil(viewportHeightPx / rowHeightPx) + 1;
  const last = Math.min(rowCount, Math.floor(scrollTopPx / rowHeightPx) + shown + overscanRows);
  return { first, last: Math.max(first, last) };
}
