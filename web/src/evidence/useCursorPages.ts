import { useState } from 'react';

/**
 * Forward cursor pagination with a stack of cursors (so "previous" works too), back to the first
 * page whenever `key` (the filter) changes.
 */
export function useCursorPages(key: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = paging.key === key ? paging.cursors : [null];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (endCursor: string | null) => {
      if (endCursor) setPaging({ key, cursors: [...cursors, endCursor] });
    },
    previous: () => setPaging({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
