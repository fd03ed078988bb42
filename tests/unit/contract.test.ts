import { describe, expect, it } from 'vitest';
import { contract, events, isMethodName } from '@shared/contract';

describe('the contract', () => {
  it('names only real read methods in what each live event makes stale', () => {
    for (const [name, def] of Object.entries(events)) {
      for (const method of def.affects) {
        expect(isMethodName(method), `${name} affects ${method}`).toBe(true);
        if (isMethodName(method)) expect(contract[method].mode, `${name} affects ${method}`).toBe('read');
      }
    }
  });

  it('gives every method a summary and every non-public method at least one role', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(def.summary.length, name).toBeGreaterThan(10);
      if (def.access !== 'public') expect(def.access.length, name).toBeGreaterThan(0);
    }
  });
});
