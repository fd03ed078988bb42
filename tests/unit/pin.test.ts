import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../electron/core/auth/pin';

describe('PIN hashing', () => {
  it('stores a salted scrypt hash that only the right PIN matches', () => {
    const first = hashPin('2468');
    const second = hashPin('2468');
    expect(first).not.toBe(second);
    expect(first).not.toContain('2468');
    expect(verifyPin('2468', first)).toBe(true);
    expect(verifyPin('2469', first)).toBe(false);
    expect(verifyPin('2468', 'plain:2468')).toBe(false);
  });
});
