import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes to a Dexie live query for as long as the component is mounted.
 * Returns `undefined` until the first result arrives, and the error (as
 * `{ error }`) if the query fails, so a page never shows stale or invented data.
 */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: unknown[] = [],
): { value: T | undefined; error: Error | undefined } {
  const [state, setState] = useState<{ value: T | undefined; error: Error | undefined }>({
    value: undefined,
    error: undefined,
  });
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) =>
        setState({ value: undefined, error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
