import { useCallback, useRef } from 'react';

/** A random key; `crypto.randomUUID` exists only in secure contexts (not on http://<LAN address>). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * Idempotency keys for a create form: submitting the same values again (a double tap, a retry after
 * a lost answer) sends the same key, so the server creates once; other values get a new key, and
 * after a success the next submission is a new request (`reset`).
 */
export function useIdempotencyKey() {
  const last = useRef<{ values: string; key: string } | null>(null);
  const keyFor = useCallback((values: unknown): string => {
    const json = JSON.stringify(values);
    if (last.current?.values !== json) last.current = { values: json, key: newKey() };
    return last.current.key;
  }, []);
  /** The input with its key, for inputs that carry one. */
  const withKey = useCallback(
    <T extends object>(input: T): T & { idempotencyKey: string } => ({
      ...input,
      idempotencyKey: keyFor(input),
    }),
    [keyFor],
  );
  const reset = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, withKey, reset };
}
