import { create } from 'zustand';
import { APPORTION_METHODS, type ApportionMethod } from '@parallele/core';
import type { Split } from './compute';

/**
 * The parallel panel's settings. They are the view's permalink: `?k=10&split=55,35,10&mode=added
 * &method=dhondt` (the scenario runner writes links in the same shape). `split` present means a
 * manual split; `source=platform` means the citizens' votes.
 */
/** `redresse` (issue 16): the citizens' split reweighted to the INSEE margins. */
export type SplitSource = 'platform' | 'manual' | 'redresse';

export interface SimulatorSettings {
  k: number;
  mode: string;
  method: ApportionMethod;
  source: SplitSource;
  manual: Split;
}

export const DEFAULT_SETTINGS: SimulatorSettings = { k: 10, mode: 'proportional', method: 'largest-remainder', source: 'platform', manual: [55, 35, 10] };

const MODE_RE = /^(proportional|added|group:PO\d+)$/;

export function settingsFromParams(p: URLSearchParams): SimulatorSettings {
  const s: SimulatorSettings = { ...DEFAULT_SETTINGS, manual: [...DEFAULT_SETTINGS.manual] as unknown as Split };
  const k = Number(p.get('k'));
  if (p.has('k') && Number.isSafeInteger(k) && k >= 0) s.k = k;
  const mode = p.get('mode');
  if (mode && MODE_RE.test(mode)) s.mode = mode;
  const method = p.get('method');
  if (method && (APPORTION_METHODS as readonly string[]).includes(method)) s.method = method as ApportionMethod;
  const split = p.get('split')?.split(',').map(Number);
  if (split && split.length === 3 && split.every((x) => Number.isFinite(x) && x >= 0) && split.some((x) => x > 0)) {
    s.manual = [split[0]!, split[1]!, split[2]!];
    s.source = 'manual';
  }
  if (p.get('source') === 'platform') s.source = 'platform';
  if (p.get('source') === 'manual') s.source = 'manual';
  if (p.get('source') === 'redresse') s.source = 'redresse';
  return s;
}

/** Writes the settings into `p` (a copy), leaving other parameters alone; defaults are omitted. */
export function settingsToParams(s: SimulatorSettings, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const p = new URLSearchParams(base);
  for (const key of ['k', 'mode', 'method', 'split', 'source']) p.delete(key);
  p.set('k', String(s.k));
  if (s.mode !== DEFAULT_SETTINGS.mode) p.set('mode', s.mode);
  if (s.method !== DEFAULT_SETTINGS.method) p.set('method', s.method);
  if (s.source === 'manual') p.set('split', s.manual.join(','));
  if (s.source === 'redresse') p.set('source', 'redresse');
  return p;
}

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
export function toPercents(w: Split): Split {
  const total = w[0] + w[1] + w[2];
  if (total <= 0) return [0, 0, 0];
  const exact = w.map((x) => (100 * x) / total);
  const floor = exact.map(Math.floor);
  let left = 100 - floor.reduce((s, x) => s + x, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) if (left-- > 0) floor[i]!++;
  return [floor[0]!, floor[1]!, floor[2]!];
}

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
