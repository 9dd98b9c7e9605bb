import { describe, expect, it } from 'vitest';
import { shareEn, shareFr } from './share';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));

describe('issue 17 translations', () => {
  it('have the same keys in both languages and French spacing in French', () => {
    expect(keys(shareEn as Tree).sort()).toEqual(keys(shareFr as Tree).sort());
    for (const v of values(shareFr as Tree)) expect(v, v).not.toMatch(/ [;!?]| :\s/);
  });
});
