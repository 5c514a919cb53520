import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewQueueItem, ReviewQueuePage } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';

/** Items fetched per page: a screenful and some. */
export const QUEUE_PAGE_ITEMS = 50;

export interface ReviewQueueState {
  readonly items: readonly ReviewQueueItem[];
  /** True until the first page is in. */
  readonly loading: boolean;
  readonly error: string | null;
  /** True when more pages follow. */
  readonly hasMore: boolean;
  readonly loadMore: () => void;
}

/** The experts' queue, page by page (each page after the one before, by its cursor). */
export function useReviewQueue(): ReviewQueueState {
  const api = useApi();
  const describeError = useErrorSentence();
  const [items, setItems] = useState<readonly ReviewQueueItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  // The cursor of the page on its way: a second click before it comes would append it twice.
  const asked = useRef<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const receive = useCallback((page: ReviewQueuePage, after: string | null) => {
    setItems((previous) => (after === null ? page.items : [...previous, ...page.items]));
    setCursor(page.nextCursor);
    setError(null);
    setLoading(false);
  }, []);
  const fail = useCallback(
    (caught: unknown) => {
      setError(describeError(caught));
      setLoading(false);
    },
    [describeError],
  );

  useEffect(() => {
    let live = true;
    api.review.queue({ limit: QUEUE_PAGE_ITEMS, cursor: null }).then(
      (page) => live && receive(page, null),
      (caught: unknown) => live && fail(caught),
    );
    return () => {
      live = false;
    };
  }, [api, receive, fail]);

  const loadMore = useCallback(() => {
    if (cursor === null || asked.current === cursor) return;
    asked.current = cursor;
    api.review.queue({ limit: QUEUE_PAGE_ITEMS, cursor }).then(
      (page) => receive(page, cursor),
      (caught: unknown) => {
        asked.current = null;
        fail(caught);
      },
    );
  }, [api, cursor, receive, fail]);

  return { items, loading, error, hasMore: cursor !== null, loadMore };
}
