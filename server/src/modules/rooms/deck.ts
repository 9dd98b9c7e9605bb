import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  ElectionDataSchema, PackSchema, RoomError, customQuestion, electionQuestion, voteQuestionFromScrutin,
  type AssemblyGroups, type DeckItem, type ElectionData, type GroupLabel, type Pack, type RoomQuestion,
} from '@parallele/core';
import { getScrutin } from '../../db/an-reads';
import type { Db } from '../../db/client';

/**
 * The shipped packs and elections (data/packs, data/elections: YAML validated by core's schemas,
 * read once at start so a malformed file stops the server naming the file and the field), and the
 * resolution of deck items into self-contained room questions read from the store.
 */
const DATA = new URL('../../../../data/', import.meta.url);

function readYamlDir<T>(dir: string, read: (value: unknown, file: string) => T): T[] {
  const url = new URL(`${dir}/`, DATA);
  return readdirSync(url).filter((f) => f.endsWith('.yaml')).sort().map((f) => read(parse(readFileSync(new URL(f, url), 'utf8')), `data/${dir}/${f}`));
}

function parseFile<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }) {
  return (value: unknown, file: string): T => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`);
  };
}

export interface Catalogue {
  packs: Pack[];
  elections: Map<string, ElectionData>;
}

export function loadCatalogue(): Catalogue {
  const elections = new Map(readYamlDir('elections', parseFile(ElectionDataSchema)).map((e) => [e.id, e]));
  return { packs: readYamlDir('packs', parseFile(PackSchema)), elections };
}

export function createDeckResolver(db: Db, catalogue: Catalogue) {
  const labelOf = db.sqlite.prepare<[string], { ref: string; name: string; abbreviation: string | null; colour: string | null }>('SELECT ref, name, abbreviation, colour FROM organes WHERE ref = ?');
  const lastScrutinOn = db.sqlite.prepare<[string], { uid: string; date: string }>("SELECT uid, date FROM scrutins WHERE date <= ? AND uid LIKE 'VTANR5%' ORDER BY date DESC, numero DESC LIMIT 1");
  const label = (ref: string): GroupLabel => {
    const row = labelOf.get(ref);
    return { ref, label: row?.abbreviation ?? row?.name ?? ref, name: row?.name ?? ref, colour: row?.colour ?? null };
  };
  /** The groups sitting on a date: the seats of the last scrutin on or before it. */
  const groupsOn = (date: string): AssemblyGroups | null => {
    const last = lastScrutinOn.get(date);
    const s = last ? getScrutin(db, last.uid) : null;
    return s ? { date: s.date, groups: s.groups.map((g) => ({ ...label(g.organeRef), members: g.members })) } : null;
  };
  const resolve = (item: DeckItem, index: number): RoomQuestion => {
    try {
      switch (item.kind) {
        case 'scrutin': {
          const s = getScrutin(db, item.uid);
          if (!s) throw new RoomError('bad-question', 'uid', `uid: no scrutin ${item.uid} in the store`);
          return voteQuestionFromScrutin(s, s.groups.map((g) => label(g.organeRef)), item.text);
        }
        case 'election': {
          const e = catalogue.elections.get(item.election);
          if (!e) throw new RoomError('bad-question', 'election', `election: no election ${item.election} is shipped (${[...catalogue.elections.keys()].join(', ')})`);
          return electionQuestion(e, item.round, item.text);
        }
        case 'custom':
          return customQuestion(item, index, item.assembly.kind === 'an' ? groupsOn(item.assembly.date) : null);
      }
    } catch (error) {
      // name the deck entry: deck[2].assembly.positions.XYZ
      if (error instanceof RoomError) throw new RoomError(error.code, `deck[${index}].${error.param}`, `deck[${index}].${error.message}`, error.extras);
      throw error;
    }
  };
  return { resolve: (deck: readonly DeckItem[]) => deck.map(resolve) };
}
export type DeckResolver = ReturnType<typeof createDeckResolver>;
