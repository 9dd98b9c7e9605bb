import { describe, expect, it } from 'vitest';
import { roomsEn, roomsFr } from './i18n';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));

describe('rooms translations', () => {
  it('French and English have the same keys, with both plural forms where counted', () => {
    expect(keys(roomsEn as Tree).sort()).toEqual(keys(roomsFr as Tree).sort());
    for (const k of keys(roomsFr as Tree).filter((x) => x.endsWith('_one'))) expect(keys(roomsFr as Tree)).toContain(k.replace(/_one$/, '_other'));
  });
  it('French text uses no-break spaces before : ; ! ? as French typography wants', () => {
    for (const v of values(roomsFr as Tree)) expect(v).not.toMatch(/ [:;!?](\s|$)/);
  });
});
