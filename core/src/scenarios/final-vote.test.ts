import { describe, expect, it } from 'vitest';
import { l16Samples, l17 } from '../simulator/test-support/real-data';
import { finalLawVoteUids, lawVoteKind } from './final-vote';
import { scenarioSchema } from './schema';
import { selectScrutins } from './select';

const finals = () => finalLawVoteUids([...l16Samples(), ...l17()]);
const fold = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('final vote on a law, on the bundled AN scrutins', { timeout: 120_000 }, () => {
  it('counts the votes on a whole law and leaves out the TikTok inquiry resolution that `text: ensemble` matched', () => {
    const f = finals();
    expect(f.has('VTANR5L17V1018')).toBe(false); // l'ensemble de la proposition de résolution … TikTok
    expect(f.has('VTANR5L17V685')).toBe(false); // l'ensemble de la proposition de résolution européenne
    expect(f.has('VTANR5L17V445')).toBe(false); // l'ensemble de la première partie du projet de loi de finances
    expect(f.has('VTANR5L17V1')).toBe(false); // a motion de censure
    expect(f.has('VTANR5L17V4')).toBe(false); // a motion de rejet préalable of a projet de loi
    expect(f.has('VTANR5L17V2107')).toBe(true); // l’ensemble de la proposition de loi relative au droit à l’aide à mourir
    expect(f.has('VTANR5L17V918')).toBe(true); // "l'ensemble de de la proposition de loi" (typo in the data)
    expect(f.has('VTANR5L16V3289')).toBe(true); // projet de loi constitutionnelle, IVG
    expect(f.has('VTANR5L17V217')).toBe(true); // a rejected law is still a final vote on it
  });

  it('takes a single-article law voted on its article unique, unless an ensemble vote on the same text follows', () => {
    const f = finals();
    expect(f.has('VTANR5L17V2207')).toBe(true); // Dreyfus: no ensemble vote follows
    expect(f.has('VTANR5L17V1333')).toBe(true); // a rejected article unique rejects the text
    expect([f.has('VTANR5L17V599'), f.has('VTANR5L17V600')]).toEqual([false, true]); // articles added: the ensemble is final
    expect([f.has('VTANR5L17V878'), f.has('VTANR5L17V881')]).toEqual([false, true]);
  });

  it('is a subset of the votes on laws and differs from the `ensemble` text search by resolutions and parts only', () => {
    const all = [...l16Samples(), ...l17()];
    const f = finals();
    for (const uid of f) expect(lawVoteKind(all.find((s) => s.uid === uid)!.titre)).not.toBeNull();
    const byText = all.filter((s) => fold(`${s.titre} ${s.objet ?? ''}`).includes('ensemble') && !f.has(s.uid));
    for (const s of byText) expect(fold(s.titre)).not.toMatch(/^l.ensemble (du projet|de la proposition|de de la proposition) de loi /);
    expect(byText.map((s) => s.uid)).toContain('VTANR5L17V1018');
  });

  it('is a scenario filter: `finalLawVote: true` selects them, `false` the others', () => {
    const sel = (finalLawVote: boolean) =>
      scenarioSchema.shape.scrutins.parse({ legislature: 17, type: ['SPO'], from: '2025-03-01', to: '2025-03-31', finalLawVote });
    const yes = selectScrutins(sel(true), l17());
    const no = selectScrutins(sel(false), l17());
    const all = selectScrutins({ ...sel(true), finalLawVote: undefined }, l17());
    expect(yes.length).toBeGreaterThan(0);
    expect(yes.length + no.length).toBe(all.length);
    expect(yes.every((s) => lawVoteKind(s.titre) !== null)).toBe(true);
    expect(() => scenarioSchema.shape.scrutins.parse({ legislature: 17, finalLawVote: 'yes' })).toThrow(/finalLawVote: true or false/);
  });
});
