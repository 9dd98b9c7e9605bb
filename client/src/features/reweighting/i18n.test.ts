import { describe, expect, it } from 'vitest';
import { reweightingEn, reweightingFr } from './i18n';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const entries = (t: Tree, prefix = ''): [string, string][] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`)));

describe('profile and representativity texts', () => {
  it('have the same keys and interpolations in French and English', () => {
    expect(keys(reweightingEn as Tree).sort()).toEqual(keys(reweightingFr as Tree).sort());
    const en = Object.fromEntries(entries(reweightingEn as Tree));
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, fr] of entries(reweightingFr as Tree)) expect(vars(en[key]!), key).toEqual(vars(fr));
  });

  it('use French typography and say what every profile field is used for', () => {
    for (const [key, fr] of entries(reweightingFr as Tree)) expect(fr, key).not.toMatch(/ [;!?]| :\s/);
    for (const field of ['sex', 'age', 'region', 'departement', 'circonscription'] as const) expect(reweightingFr.profile[field].use.length).toBeGreaterThan(10);
  });
});
