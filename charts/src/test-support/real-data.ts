import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseOrgane, parseScrutin, type Group, type Scrutin, type ScrutinDetail } from '@parallele/core';

/**
 * Test support (Node only): real scrutins from the bundled open data, shaped as the read API's
 * ScrutinDetail (group names and colours joined from the bundled organes), without a server.
 */
// jsdom gives modules an http: import.meta.url: find the repository from the working directory.
function dataDir(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data/opendata/FORMAT.md'))) return join(dir, 'data/opendata/');
    if (dirname(dir) === dir) throw new Error(`data/opendata not found above ${process.cwd()}`);
  }
}
const DATA = dataDir();

const bundles: Record<number, string> = { 16: 'scrutins/VTANR5L16-samples.ndjson.gz', 17: 'scrutins/VTANR5L17V1-3876.ndjson.gz' };
const cache = new Map<number, Map<string, Scrutin>>();

function bundle(legislature: number): Map<string, Scrutin> {
  let hit = cache.get(legislature);
  if (!hit) {
    const file = bundles[legislature];
    if (!file) throw new Error(`no bundled scrutins for legislature ${legislature}`);
    const lines = gunzipSync(readFileSync(DATA + file)).toString('utf8').split('\n').filter(Boolean);
    hit = new Map(lines.map((l, i) => {
      const s = parseScrutin(JSON.parse(l), `${file}:${i + 1}`);
      return [s.uid as string, s];
    }));
    cache.set(legislature, hit);
  }
  return hit;
}

function organes(legislature: number): Map<string, Group> {
  const dir = `${DATA}organes/L${legislature}/`;
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => {
    const g = parseOrgane(JSON.parse(readFileSync(dir + f, 'utf8')), f);
    return [g.ref as string, g];
  }));
}

export function realScrutin(uid: string): ScrutinDetail {
  const legislature = Number(/L(\d+)V/.exec(uid)?.[1]);
  const s = bundle(legislature).get(uid);
  if (!s) throw new Error(`${uid} is not in the bundled data`);
  const groups = organes(legislature);
  return {
    uid: s.uid, legislature: s.legislature, numero: s.numero, date: s.date, type: s.type, outcome: s.outcome, titre: s.titre, objet: s.objet,
    demandeur: s.demandeur, place: s.place, totals: s.totals, closeness: Math.abs(s.totals.pour - s.totals.requis),
    organeRef: s.organeRef, sessionRef: s.sessionRef, seanceRef: s.seanceRef, sittingOfDay: s.sittingOfDay, typeLabel: s.typeLabel,
    majorityLabel: s.majorityLabel, outcomeLabel: s.outcomeLabel, announcement: s.announcement,
    groups: s.groups.map((g) => {
      const o = groups.get(g.organeRef);
      return { ...g, name: o?.name ?? null, abbreviation: o?.abbreviation ?? null, colour: o?.colour ?? null, politicalPosition: o?.politicalPosition ?? null };
    }),
    deputies: s.deputies.map((d) => ({ ...d, civility: null, firstName: null, lastName: null })),
    misesAuPoint: s.misesAuPoint.map((m) => ({ ...m, civility: null, firstName: null, lastName: null })),
  };
}

/** Every bundled scrutin of a legislature (L16: the samples; L17: all of them), as parsed. */
export const bundledScrutins = (legislature: 16 | 17): Scrutin[] => [...bundle(legislature).values()];
