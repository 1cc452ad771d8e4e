import { describe, expect, it } from 'vitest';
import { ago, money, sign } from '../src/format';

describe('format', () => {
  it('shows money in its own currency and a dash for no figure', () => {
    expect(money(12.5, 'USDT')).toBe('12.5 USDT');
    expect(money(null, 'USDT')).toBe('—');
    expect(money(0.00012345, 'BTC')).toBe('0.000123 BTC');
  });

  it('says how long ago, and never for no time', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(ago('2026-12-04T09:59:58Z', now)).toBe('just now');
    expect(ago('2026-12-04T09:59:00Z', now)).toBe('60 s ago');
    expect(ago('2026-12-04T09:30:00Z', now)).toBe('30 min ago');
    expect(ago(null, now)).toBe('never');
  });

  it('marks gains and losses by sign', () => {
    expect(sign(1)).toBe('gain');
    expect(sign(-0.1)).toBe('loss');
    expect(sign(0)).toBe('');
  });
});
