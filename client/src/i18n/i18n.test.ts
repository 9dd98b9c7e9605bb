import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { frenchSpacing } from './typography';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));

describe('translations', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });

  it('use the same interpolations in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const frTree = fr as Tree;
    for (const key of keys(frTree)) {
      const get = (t: Tree) => key.split('.').reduce<string | Tree>((n, k) => (n as Tree)[k]!, t) as string;
      expect(vars(get(en as Tree)), key).toEqual(vars(get(frTree)));
    }
  });

  it('put no-break spaces before French high punctuation', () => {
    expect(frenchSpacing('Et vous ? Oui : « non » !')).toBe('Et vous\u202f? Oui\u00a0: «\u202fnon\u202f»\u202f!');
    for (const v of values(fr as Tree)) expect(v, v).not.toMatch(/ [;!?]| :\s/);
  });
});
