import { describe, expect, it } from 'vitest';
import type { VoteChoice } from '../contracts/votes';
import type { BurstVoteEvent } from './burst-detector';
import { detectBursts, networkOf } from './burst-detector';

const uid = 'VTANR5L17V519';
const t0 = Date.UTC(2025, 2, 1, 12);
const minute = 60_000;

function event(accountId: string, ip: string, choice: VoteChoice, at: number, createdAt = at - 5 * minute): BurstVoteEvent {
  return { accountId, accountCreatedAt: createdAt, registrationNetwork: networkOf(ip), voteNetwork: networkOf(ip), scrutinUid: uid, choice, at };
}

describe('networkOf', () => {
  it('keys IPv4 by /24, IPv4-mapped IPv6 as IPv4, and IPv6 by /64', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(networkOf('2001:0db8:0000:0012:abcd::1')).toBe('2001:db8:0:12::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });

  it('answers null for what is not an address', () => {
    for (const bad of ['', 'localhost', '999.1.1.1', '1.2.3', 'g::1', null, undefined]) expect(networkOf(bad)).toBeNull();
  });
});

describe('detectBursts', () => {
  it('flags a dozen new accounts from one /24 voting alike within minutes', () => {
    const events = Array.from({ length: 12 }, (_, i) => event(`b${i}`, `198.51.100.${i + 1}`, 'contre', t0 + i * 20_000));
    const report = detectBursts(events, t0 + 10 * minute);
    expect(report.flaggedAccountIds).toHaveLength(12);
    expect(report.clusters[0]).toMatchObject({ network: '198.51.100.0/24', choice: 'contre', scrutinUid: uid });
  });

  it('leaves alone a /24 whose new accounts split their votes', () => {
    const choices: VoteChoice[] = ['pour', 'contre', 'abstention'];
    const events = Array.from({ length: 15 }, (_, i) => event(`h${i}`, '192.0.2.10', choices[i % 3]!, t0 + i * 20_000));
    expect(detectBursts(events, t0 + 10 * minute).flaggedAccountIds).toEqual([]);
  });

  it('leaves alone old accounts and the same votes spread over hours', () => {
    const old = Array.from({ length: 12 }, (_, i) => event(`o${i}`, '192.0.2.10', 'pour', t0 + i * 1000, t0 - 30 * 24 * 60 * minute));
    const slow = Array.from({ length: 12 }, (_, i) => event(`s${i}`, '192.0.2.10', 'pour', t0 + i * 30 * minute, t0 + i * 30 * minute - minute));
    expect(detectBursts([...old, ...slow], t0 + 24 * 60 * minute).flaggedAccountIds).toEqual([]);
  });

  it('ignores events after the clock it is given', () => {
    const events = Array.from({ length: 12 }, (_, i) => event(`f${i}`, '198.51.100.1', 'pour', t0 + i * 1000));
    expect(detectBursts(events, t0 - 1).flaggedAccountIds).toEqual([]);
  });

  it('counts an account once however many times it changes its vote', () => {
    const events = Array.from({ length: 20 }, (_, i) => event(`same${i % 2}`, '198.51.100.1', 'pour', t0 + i * 1000));
    expect(detectBursts(events, t0 + minute).flaggedAccountIds).toEqual([]);
  });
});
