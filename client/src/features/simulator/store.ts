import { create } from 'zustand';
import { parseSimulatorParams, simulatorParams, type ApportionMethod, type PermalinkSource, type SimulatorPermalink } from '@parallele/core';
import { splitPercents } from '@parallele/charts';
import type { Split } from './compute';

/**
 * The parallel panel's settings. They are the view's permalink (core's `simulatorUrl` contract:
 * `?k=10&split=55,35,10&mode=added&method=dhondt`, as the scenario runner writes it). `split` present means a
 * manual split; `source=platform` means the citizens' votes.
 */
export type SplitSource = PermalinkSource;

export interface SimulatorSettings {
  k: number;
  mode: string;
  method: ApportionMethod;
  source: SplitSource;
  manual: Split;
}

export const DEFAULT_SETTINGS: SimulatorSettings = { k: 10, mode: 'proportional', method: 'largest-remainder', source: 'platform', manual: [55, 35, 10] };

export function settingsFromParams(p: URLSearchParams): SimulatorSettings {
  const read = parseSimulatorParams(p);
  const s: SimulatorSettings = { ...DEFAULT_SETTINGS, manual: [...DEFAULT_SETTINGS.manual] as unknown as Split };
  if (read.k !== undefined) s.k = read.k;
  if (read.mode !== undefined) s.mode = read.mode;
  if (read.method !== undefined) s.method = read.method;
  if (read.split !== undefined) {
    s.manual = read.split;
    s.source = 'manual';
  }
  if (read.source !== undefined) s.source = read.source;
  return s;
}

/** The settings as a permalink (core's contract); defaults are omitted, a manual split is written. */
export const settingsToPermalink = (s: SimulatorSettings): SimulatorPermalink => ({
  k: s.k,
  split: s.source === 'manual' ? s.manual : undefined,
  mode: s.mode !== DEFAULT_SETTINGS.mode ? s.mode : undefined,
  method: s.method !== DEFAULT_SETTINGS.method ? s.method : undefined,
});

/** Writes the settings into `p` (a copy), leaving other parameters alone. */
export const settingsToParams = (s: SimulatorSettings, base: URLSearchParams = new URLSearchParams()): URLSearchParams => simulatorParams(settingsToPermalink(s), base);

/**
 * Moves one share of a split given in percent and rescales the two others so the three still sum
 * to 100 (in whole percents), keeping their ratio; equal shares when both were zero.
 */
export function rebalance(split: Split, index: 0 | 1 | 2, value: number): Split {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  const others = ([0, 1, 2] as const).filter((i) => i !== index);
  const rest = 100 - v;
  const a = split[others[0]!]!;
  const b = split[others[1]!]!;
  const first = a + b === 0 ? Math.ceil(rest / 2) : Math.round((rest * a) / (a + b));
  const out = [0, 0, 0];
  out[index] = v;
  out[others[0]!] = first;
  out[others[1]!] = rest - first;
  return [out[0]!, out[1]!, out[2]!];
}

/** Whole percents summing to 100 (largest remainder), for showing any weights as a split. */
export const toPercents = (w: Split): Split => splitPercents(w);

interface SimulatorState extends SimulatorSettings {
  set: (patch: Partial<SimulatorSettings>) => void;
  setManualShare: (index: 0 | 1 | 2, value: number) => void;
  reset: (s: SimulatorSettings) => void;
}

export const useSimulatorStore = create<SimulatorState>((set) => ({
  ...DEFAULT_SETTINGS,
  set: (patch) => set(patch),
  setManualShare: (index, value) => set((s) => ({ manual: rebalance(toPercents(s.manual), index, value), source: 'manual' })),
  reset: (s) => set(s),
}));

export const pickSettings = (s: SimulatorSettings): SimulatorSettings => ({ k: s.k, mode: s.mode, method: s.method, source: s.source, manual: s.manual });
