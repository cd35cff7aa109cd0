import { useCallback, useInsertionEffect, useRef } from "react";

/**
 * A function that keeps its identity across renders and always calls the latest `fn`: hand it to
 * memoized children (a list of hundreds of rows) so a new closure does not re-render them all.
 * Call it from events, not during render.
 */
export function useStableCallback<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  const latest = useRef(fn);
  useInsertionEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
