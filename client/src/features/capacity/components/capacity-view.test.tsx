import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { CapacityResponse } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { capacityEn, capacityFr } from '../i18n';
import { CapacityView } from './capacity-view';

const DATA: CapacityResponse = {
  report: {
    schemaVersion: 1,
    date: '2026-11-30T15:34:35.301Z',
    machine: { cores: 2, cpuModel: 'AMD EPYC', memoryBytes: 25_276_514_304, node: 'v20.20.2', platform: 'linux x64', loadAverage: [9.1, 4.75, 2.02] },
    votes: {
      sqlite1: { available: true, store: 'sqlite', processes: 1, connections: 64, durationS: 10.5, votes: 9670, votesPerSecond: 921, latencyP50Ms: 59, latencyP99Ms: 147, failures: 0, cpuMsPerVote: 0.8, chainsVerified: true },
      postgres1: { available: false, store: 'postgres', processes: 1, reason: 'this server has no PostgreSQL store yet' },
      postgres2: { available: false, store: 'postgres', processes: 2, reason: 'this server has no PostgreSQL store yet' },
    },
    sockets: { target: 10_000, connected: 10_000, ceiling: 'the target (10000) was reached', fileDescriptorLimit: 11_024, updates: 10, updateLatencyP50Ms: 821, updateLatencyP95Ms: 1856, missedUpdates: 0, baselineRssBytes: 203_700_000, rssBytesPer1000: 13_900_000, heapBytesPer1000: 10_900_000 },
    storage: { sqlite: { available: true, store: 'sqlite', votes: 1031, bytes: 2_293_760, bytesPerVote: 2225 }, postgres: { available: false, store: 'postgres', reason: 'not measured' } },
  },
  capacity: { votesPerSecondPerCore: 1250, fromRun: 'sqlite1', socketsPerProcess: 10_000, storageBytesPerMillionVotes: 2_225_000_000, storageStore: 'sqlite' },
  load: { store: 'sqlite', activeVoters30d: 1234, votesPerDay: 456.7, storeBytes: 52_000_000, connectedSockets: 17 },
  prices: { currency: 'EUR', vcpuMonth: 10, memoryGbMonth: 2.5, storageGbMonth: 0.1, peakFactor: 20 },
  votesPerVoterMonth: 11.1,
  votesPerVoterSource: 'measured',
  costPer1000: { cpu: 0.0685, memory: 0.03475, storage: 0.00247, total: 0.10572 },
};

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const text = (id: string) => screen.getByTestId(id).textContent!.replace(/\s/g, ' ');

describe('Coûts et capacité', () => {
  afterEach(cleanup);

  it('has the same texts in French and English', () => {
    expect(keys(capacityEn as Tree).sort()).toEqual(keys(capacityFr as Tree).sort());
  });

  it('shows the measured capacity, the load and the cost per 1,000 voters in French', async () => {
    await renderInApp(<CapacityView data={DATA} />);
    expect(text('capacity-figures')).toContain('1 250');
    expect(text('capacity-figures')).toContain('10 000');
    expect(text('capacity-figures')).toMatch(/2,2 Go/);
    expect(text('capacity-load')).toContain('1 234');
    expect(text('capacity-load')).toMatch(/52 Mo/);
    expect(text('capacity-cost')).toMatch(/0,11 €/);
    expect(text('capacity-prices')).toMatch(/10,00 € par vCPU et par mois/);
    expect(text('capacity-prices')).toContain('mesuré sur les 30 derniers jours');
    expect(text('capacity-machine')).toContain('30 novembre 2026');
    // a configuration the bench could not run says why, instead of a figure
    const pg = document.querySelector('[data-run="postgres2"]')!;
    expect(pg.textContent).toMatch(/non mesuré\s: this server has no PostgreSQL store yet/);
    expect(document.querySelector('[data-run="sqlite1"]')!.textContent).toContain('921');
  });

  it('shows the same in English, and an assumed vote rate as the operator’s', async () => {
    await renderInApp(<CapacityView data={{ ...DATA, votesPerVoterSource: 'configured', votesPerVoterMonth: 20 }} />, { lang: 'en' });
    expect(text('capacity-figures')).toContain('1,250');
    expect(text('capacity-cost')).toContain('€0.11');
    expect(text('capacity-prices')).toContain('20 votes per voter per month (the operator’s assumption');
    expect(screen.getByRole('table').textContent).toContain('not measured: this server has no PostgreSQL store yet');
  });
});
