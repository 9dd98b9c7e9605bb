import { describe, expect, it } from 'vitest';
import { AGE_BANDS, CANDIDATE_NAMES, PRES2022_CHOICES, REGION_CODES, REGION_NAMES } from '@parallele/core';
import { candidateKey, loadShippedMargins, MarginsFileError, parseAdultMargins, parsePresidential2022 } from './shipped-margins';

describe('loadShippedMargins (data/insee)', () => {
  const { margins, labels } = loadShippedMargins();

  it('gives the INSEE 2022 adult sex and age shares computed from the populations', () => {
    // F: 2,740,372 + 3,927,031 + 6,517,396 + 6,707,030 + 8,097,191 = 27,989,020 of 53,405,857
    expect(margins.sex.F).toBeCloseTo(27_989_020 / 53_405_857, 12);
    expect(Object.keys(margins.age)).toEqual([...AGE_BANDS]);
    expect(margins.age['65+']).toBeCloseTo((8_097_191 + 6_153_406) / 53_405_857, 12);
  });

  it('gives the 18 regions, Île-de-France about 17.9 %', () => {
    expect(Object.keys(margins.region).sort()).toEqual([...REGION_CODES].sort());
    expect(margins.region['11']).toBeCloseTo(0.179408, 5);
    expect(labels.region['11']).toBe('Île-de-France');
  });

  it('gives the 2022 first round among the inscrits: Macron 20.07 %, abstention + blancs + nuls 27.95 %', () => {
    expect(Object.keys(margins.pres2022).sort()).toEqual([...PRES2022_CHOICES].sort());
    expect(margins.pres2022.macron).toBeCloseTo(9_783_058 / 48_747_876, 12);
    expect(margins.pres2022.abstention).toBeCloseTo((12_824_169 + 543_609 + 247_151) / 48_747_876, 12);
    expect(labels.pres2022['le-pen']).toBe('Marine Le Pen');
    expect(labels.pres2022.melenchon).toBe('Jean-Luc Mélenchon');
  });

  it('names regions and candidates as core display names do', () => {
    expect(labels.region).toEqual(REGION_NAMES);
    const { abstention: _a, ...candidates } = labels.pres2022;
    expect(candidates).toEqual(CANDIDATE_NAMES);
  });
});

describe('parsers of the margin files', () => {
  it('turn surnames into keys without accents or spaces', () => {
    expect(candidateKey('MÉLENCHON')).toBe('melenchon');
    expect(candidateKey('DUPONT-AIGNAN')).toBe('dupont-aignan');
    expect(candidateKey('LE PEN')).toBe('le-pen');
  });

  it('name the file and line of a bad row', () => {
    const text = 'margin,zone,sexe,tranche_age,population,share,method\nfrance_2022_sexe_x_age,France,F,18-24,12,0.1,x\nfrance_2022_sexe_x_age,France,X,18-24,12,0.1,x\n';
    expect(() => parseAdultMargins(text, 'm.csv')).toThrow(MarginsFileError);
    expect(() => parseAdultMargins(text, 'm.csv')).toThrow(/^m\.csv:3: sexe: /);
  });

  it('refuse a results file whose votes do not add up to the inscrits', () => {
    const text = 'categorie,nom,prenom,sexe,voix,pct_exprimes,pct_inscrits,pct_votants\ncandidat,MACRON,Emmanuel,M,10,,,\nhors_exprimes,ABSTENTIONS,,,5,,,\ntotal,INSCRITS,,,16,,,\n';
    expect(() => parsePresidential2022(text, 'p.csv')).toThrow('p.csv: candidates + blancs + nuls + abstentions = 15, but INSCRITS = 16');
  });
});
