import { useCallback, useEffect, useState } from 'react';

export type NoticeKind = 'success' | 'warning';

export interface Notice {
  kind: NoticeKind;
  message: string;
  /** Increments so that the same message shown twice restarts the timer. */
  id: number;
}

/** Success messages fade after a while; warnings (e.g. a conflict) stay until dismissed. */
const SUCCESS_VISIBLE_MS = 6000;

export type Notify = (message: string, kind?: NoticeKind) => void;

export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>((message, kind = 'success') => setNotice((n) => ({ kind, message, id: (n?.id ?? 0) + 1 })), []);
  const dismiss = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (!notice || notice.kind !== 'success') return;
    const timer = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, notify, dismiss };
}
