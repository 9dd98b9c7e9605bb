import { describe, expect, it } from 'vitest';
import { linkedAgenda, motionAuthorNames, searchDocument } from './document';

describe("the authors a motion's titre names", () => {
  it('reads every civility form of the official titres', () => {
    expect(motionAuthorNames("la motion de censure déposée en application de l'article 49, alinéa 3, de la Constitution par M. Bertrand Pancher et 90 membres de l'Assemblée.")).toEqual([
      'Bertrand Pancher',
    ]);
    expect(
      motionAuthorNames(
        "la motion de censure déposée en application de l'article 49, alinéa 3, de la Constitution par Mmes Mathilde Panot et Cyrielle Chatelain, MM. Boris Vallaud et André Chassaigne et 147 membres de l'Assemblée.",
      ),
    ).toEqual(['Mathilde Panot', 'Cyrielle Chatelain', 'Boris Vallaud', 'André Chassaigne']);
    expect(
      motionAuthorNames("la motion de censure déposée en application de l'article 49, alinéa 2, de la Constitution par Mme Marine Le Pen, M. Éric Ciotti et 56 députés."),
    ).toEqual(['Marine Le Pen', 'Éric Ciotti']);
    expect(motionAuthorNames("la motion de censure, déposée en application de l'article 49, alinéa 2, de la Constitution, par M. Boris Vallaud et 65 députés.")).toEqual([
      'Boris Vallaud',
    ]);
  });

  it('finds none in a titre that names no tabling deputies', () => {
    expect(motionAuthorNames("l'ensemble du projet de loi de finances pour 2026 (première lecture).")).toEqual([]);
  });
});

describe("the agenda points linked to a vote (real points of the sitting of 4 December 2024)", () => {
  const barnier = "la motion de censure déposée en application de l'article 49, alinéa 3, de la Constitution par Mme Mathilde Panot, M. Boris Vallaud, Mme Cyrielle Chatelain, M. André Chassaigne et 181 membres de l'Assemblée.";
  const points = [
    { state: 'Confirmé', dossierRef: null, objet: 'Questions au Gouvernement' },
    { state: 'Confirmé', dossierRef: 'DLR5L17N50838', objet: 'Discussion, sur le rapport de la commission mixte paritaire, du projet de loi de finances de fin de gestion pour 2024' },
    { state: 'Confirmé', dossierRef: 'DLR5L17N50975', objet: "Discussion de deux motions de censure déposées en application de l'article 49, alinéa 3, de la Constitution (CMP PLFSS 2025)" },
    { state: 'Confirmé', dossierRef: 'DLR5L17N50975', objet: 'Vote sur la motion de censure déposée par Mme Panot, M. Vallaud, Mme Chatelain, M. Chassaigne et 181 députés' },
    { state: 'Supprimé', dossierRef: null, objet: 'Vote sur la motion de censure déposée par Mme Le Pen, M. Ciotti et 138 députés' },
  ];

  it("keeps the points of the motion's own text, not the other texts of the sitting nor deleted points", () => {
    const linked = linkedAgenda(barnier, points);
    expect(linked.dossierRef).toBe('DLR5L17N50975');
    expect(linked.objets).toEqual([points[2]!.objet, points[3]!.objet]);
  });

  it('links nothing when the titre matches no text of a sitting with several', () => {
    expect(linkedAgenda("l'article 2 de la proposition de loi visant à protéger les haies (première lecture).", points).objets).toEqual([]);
  });
});

describe('the search document', () => {
  it('joins the titre, objet, demandeur, agenda, text titles and authors with their groups, once each', () => {
    const text = searchDocument({
      titre: 'la motion de censure … par M. Bertrand Pancher et 90 membres',
      objet: null,
      demandeur: null,
      agenda: ['Discussion et vote de la motion de censure', 'Discussion et vote de la motion de censure'],
      dossier: ['Discussion et vote de la motion de censure'],
      authors: [{ name: 'Bertrand Pancher', group: 'Libertés, Indépendants, Outre-mer et Territoires', groupAbbreviation: 'LIOT' }],
    });
    expect(text.split('\n')).toEqual([
      'la motion de censure … par M. Bertrand Pancher et 90 membres',
      'Discussion et vote de la motion de censure',
      'Bertrand Pancher',
      'LIOT',
      'Libertés, Indépendants, Outre-mer et Territoires',
    ]);
  });
});
