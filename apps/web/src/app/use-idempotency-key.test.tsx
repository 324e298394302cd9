import { renderHook } from '@testing-library/react';
import { useIdempotencyKey } from './use-idempotency-key';

describe('useIdempotencyKey', () => {
  beforeEach(() => {
    let made = 0;
    const randomUUID = () => `00000000-0000-4000-8000-${String(++made).padStart(12, '0')}`;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
  });

  it('keeps the key while the values stay the same, and makes a new one for other values or after reset', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor({ name: 'Ada' });
    expect(first).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(result.current.keyFor({ name: 'Ada' })).toBe(first);
    const other = result.current.keyFor({ name: 'Grace' });
    expect(other).not.toBe(first);
    expect(result.current.keyFor({ name: 'Ada' })).not.toBe(first);
    const before = result.current.keyFor({ name: 'Ada' });
    result.current.reset();
    expect(result.current.keyFor({ name: 'Ada' })).not.toBe(before);
  });
});
