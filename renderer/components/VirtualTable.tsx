import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { visibleRange } from './visibleRange.ts';

export interface VirtualTableProps {
  readonly rowCount: number;
  /** Every row's height; rows must not grow (cells are one line, CSS cuts what is longer). */
  readonly rowHeightPx: number;
  /** Rows drawn beyond each edge of the visible part, so a fast scroll shows no gap. */
  readonly overscanRows?: number;
  /** The `<tr>` of `<th>` cells, kept in sight at the top while the rows scroll. */
  readonly header: ReactNode;
  /** The `<tr>` of row `index` (0-based), with its key. */
  readonly renderRow: (index: number) => ReactNode;
  readonly columnCount: number;
  readonly label: string;
  readonly className?: string;
  /** Goes back to the top when this changes (a new filter or sort). */
  readonly resetKey?: unknown;
  /**
   * Called when the rows drawn reach the last one (the overscan included, so a paged list can
   * ask for its next page before the person scrolls to the end).
   */
  readonly onNearEnd?: () => void;
}

/**
 * A table that draws only the rows in sight (plus a margin) inside a scrolling box, so 100 000
 * rows scroll as smoothly as 100: two spacer rows stand for the rows not drawn. It stays a real
 * `<table>` for screen readers, with `aria-rowcount` and `aria-rowindex` giving the full size.
 */
export function VirtualTable({
  rowCount,
  rowHeightPx,
  overscanRows = 10,
  header,
  renderRow,
  columnCount,
  label,
  className,
  resetKey,
  onNearEnd,
}: VirtualTableProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  // The first row in sight, not the scroll offset: scrolling within a row renders nothing.
  const [topRow, setTopRow] = useState(0);
  const [viewportHeightPx, setViewportHeightPx] = useState(600);

  useEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const observer = new ResizeObserver(() => setViewportHeightPx(box.clientHeight));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // New rows start at the top: the state during this render, the box once it is drawn.
  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setTopRow(0);
  }
  useEffect(() => {
    const box = boxRef.current;
    if (box !== null) box.scrollTop = 0;
  }, [resetKey]);

  const { first, last } = visibleRange(
    topRow * rowHeightPx,
    viewportHeightPx,
    rowHeightPx,
    rowCount,
    overscanRows,
  );
  const reachesEnd = rowCount > 0 && last >= rowCount;
  useEffect(() => {
    if (reachesEnd) onNearEnd?.();
  }, [reachesEnd, rowCount, onNearEnd]);
  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) rows.push(renderRow(index));
  return (
    <div
      ref={boxRef}
      className={`virtual-table ${className ?? ''}`}
      onScroll={(event) => setTopRow(Math.floor(event.currentTarget.scrollTop / rowHeightPx))}
    >
      <table aria-label={label} aria-rowcount={rowCount + 1}>
        <thead>{header}</thead>
        <tbody>
          {first > 0 && <Spacer heightPx={first * rowHeightPx} columnCount={columnCount} />}
          {rows}
          {last < rowCount && (
            <Spacer heightPx={(rowCount - last) * rowHeightPx} columnCount={columnCount} />
          )}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ heightPx, columnCount }: { heightPx: number; columnCount: number }) {
  return (
    <tr aria-hidden="true" className="virtual-spacer">
      <td colSpan={columnCount} style={{ height: heightPx }} />
    </tr>
  );
}
