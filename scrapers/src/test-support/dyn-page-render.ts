import type { Position, Scrutin } from '@parallele/core';

/**
 * Renders a GENERATED /dyn scrutin page from a real official scrutin (parsed by core), in the
 * markup of the real `dyn-17-scrutins-8433.html` page (the elements and classes the AN template
 * uses for the header, the synthesis, the group blocks and the deputy items). It serves scrutins
 * we hold as open data but not as saved pages: the parser's round trip on thousands of real votes,
 * and the "open data replaces a page-scraped scrutin" test. Not a real AN page.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

const SITTINGS = ['', 'Première', 'Deuxième', 'Troisième', 'Quatrième'];
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const LABELS: Record<Position, string> = { pour: 'Pour', contre: 'Contre', abstention: 'Abstention', nonVotant: 'Non votant' };
const NOTES: Record<string, string> = { PAN: "(Président de l'Assemblée nationale)", PSE: '(Président de séance)', MG: '(membre du Gouvernement)' };

function sittingHeading(s: Scrutin): string {
  const d = new Date(`${s.date}T12:00:00Z`);
  const day = `${DAYS[d.getUTCDay()]} ${d.getUTCDate() === 1 ? '1er' : d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${SITTINGS[s.sittingOfDay ?? 1] ?? 'Unique'} séance du ${day}`;
}

export interface RenderNames {
  deputy: (ref: string) => string;
  group: (ref: string) => { name: string; abbreviation: string };
}

export function renderDynScrutinPage(s: Scrutin, names: RenderNames): string {
  const groups = s.groups
    .map((g, i) => {
      const { name, abbreviation } = names.group(g.organeRef);
      const deputies = s.deputies.filter((d) => d.organeRef === g.organeRef);
      // Several groups may share a dangling ref (PO0): split the deputies by the groups' counts.
      const sameRef = s.groups.filter((x) => x.organeRef === g.organeRef);
      const positions = (['pour', 'contre', 'abstention', 'nonVotant'] as const).map((p) => {
        const key = ({ pour: 'pour', contre: 'contre', abstention: 'abstentions', nonVotant: 'nonVotants' } as const)[p];
        let list = deputies.filter((d) => d.position === p);
        if (sameRef.length > 1) {
          const offset = s.groups.slice(0, i).filter((x) => x.organeRef === g.organeRef).reduce((n, x) => n + x[key], 0);
          list = list.slice(offset, offset + g[key]);
        }
        if (g[key] === 0 && list.length === 0) return '';
        const items = list
          .map(
            (d) => `                    <li class="_no-border" data-acteur-id="${d.acteurRef}${d.mandatRef ? ` - ${d.mandatRef}` : ''}">
    <a href="/dyn/deputes/${d.acteurRef}" class="link _small" title="Accéder à la fiche de ${esc(names.deputy(d.acteurRef))}  ">${esc(names.deputy(d.acteurRef))}  </a>
${d.cause && NOTES[d.cause] ? `                    <div>\n                        <span class="_small">${esc(NOTES[d.cause] ?? '')}</span>\n                    </div>\n` : ''}                    </li>`,
          )
          .join('\n');
        return `<li class="relative-flex _vertical">
    <div class="_align-self-start _pa-xs _mb-xs">
        <span class="h6 _colored-travaux">${LABELS[p]}</span>
        <span>: ${g[key]}</span>
    </div>
    <ul class="_2-columns @FocusableList">
${items}
    </ul>
</li>`;
      });
      return `                        <ul id="groupe${esc(abbreviation)}" class="simple-tree-list _large-border">
                            <li class="_no-border" data-organe-id="${g.organeRef}">
                                <div class="_gutter-xxs _align-center _mb-xs">
                                    <div class="flex1">
                                        <h3><a class="h5" href="/dyn/org/${g.organeRef}">${esc(name)}</a></h3>
                                        <span>(${g.members} membres)</span>
                                    </div>
                                </div>
                                <ul>
${positions.join('\n')}
                                </ul>
                            </li>
                        </ul>`;
    })
    .join('\n');
  const t = s.totals;
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Analyse du scrutin n°${s.numero} - ${s.legislature}e législature - Assemblée nationale</title></head>
<body><main>
        <div class="page-content">
                <div class="container _small">
        <div data-id="${s.uid}"></div>
        <div class="relative-flex _vertical">
            <div class="_centered-text"><h2 class="h4 _colored">${sittingHeading(s)}</h2></div>
            <div class="_centered-text _mt-small"><p class="h6 _colored">Scrutin public n°${s.numero} sur ${esc(s.titre)}</p></div>
        </div>
    </div>
    <div class="_gutter-xs _vertical">
        <div><span class="_colored-primary">Nombre de votants : <b>${t.votants}</b></span></div>
        <div><span class="_colored-primary">Nombre de suffrages exprimés : <b>${t.exprimes}</b></span></div>
        <div><span class="_colored-primary">${esc(s.majorityLabel ?? 'Majorité absolue des suffrages exprimés')} : <b>${t.requis}</b></span></div>
        <ul class="votes-list">
            <li><span class="_colored-travaux">Pour l'adoption : <b>${t.pour}</b></span></li>
            <li><span class="_colored-fadered">Contre : <b>${t.contre}</b></span></li>
            <li><span class="_colored-grey">Abstention : <b>${t.abstentions}</b></span></li>
        </ul>
        <div><span class="${s.outcome === 'adopté' ? '_colored-green' : '_colored-red'} _bold">${s.outcome === 'adopté' ? "L'Assemblée nationale a adopté" : "L'Assemblée nationale n'a pas adopté"}</span></div>
    </div>
    <section class="an-section _with-shadow"><div class="container _ms">
                        <h2 class="h4 _colored-primary">Répartition des votes par groupe</h2>
${groups}
    </div></section>
</div>
</main></body>
</html>
`;
}
