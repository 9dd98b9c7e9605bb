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
  const { store } = db;
  const label = async (ref: string): Promise<GroupLabel> => {
    const row = await store.get<{ ref: string; name: string; abbreviation: string | null; colour: string | null }>('SELECT ref, name, abbreviation, colour FROM organes WHERE ref = ?', [ref]);
    return { ref, label: row?.abbreviation ?? row?.name ?? ref, name: row?.name ?? ref, colour: row?.colour ?? null };
  };
  const labels = (refs: string[]) => Promise.all(refs.map(label));
  /** The groups sitting on a date: the seats of the last scrutin on or before it. */
  const groupsOn = async (date: string): Promise<AssemblyGroups | null> => {
    const last = await store.get<{ uid: string; date: string }>("SELECT uid, date FROM scrutins WHERE date <= ? AND uid LIKE 'VTANR5%' ORDER BY date DESC, numero DESC LIMIT 1", [date]);
    const s = last ? await getScrutin(db, last.uid) : null;
    if (!s) return null;
    const groupLabels = await labels(s.groups.map((g) => g.organeRef));
    return { date: s.date, groups: s.groups.map((g, i) => ({ ...groupLabels[i]!, members: g.members })) };
  };
  const resolve = async (item: DeckItem, index: number): Promise<RoomQuestion> => {
    try {
      switch (item.kind) {
        case 'scrutin': {
          const s = await getScrutin(db, item.uid);
          if (!s) throw new RoomError('bad-question', 'uid', `uid: no scrutin ${item.uid} in the store`);
          return voteQuestionFromScrutin(s, await labels(s.groups.map((g) => g.organeRef)), item.text);
        }
        case 'election': {
          const e = catalogue.elections.get(item.election);
          if (!e) throw new RoomError('bad-question', 'election', `election: no election ${item.election} is shipped (${[...catalogue.elections.keys()].join(', ')})`);
          return electionQuestion(e, item.round, item.text);
        }
        case 'custom':
          return customQuestion(item, index, item.assembly.kind === 'an' ? await groupsOn(item.assembly.date) : null);
      }
    } catch (error) {
      // name the deck entry: deck[2].assembly.positions.XYZ
      if (error instanceof RoomError) throw new RoomError(error.code, `deck[${index}].${error.param}`, `deck[${index}].${error.message}`, error.extras);
      throw error;
    }
  };
  // one item after the other: the first bad item is the one reported, as before
  return {
    async resolve(deck: readonly DeckItem[]): Promise<RoomQuestion[]> {
      const out: RoomQuestion[] = [];
      for (const [i, item] of deck.entries()) out.push(await resolve(item, i));
      return out;
    },
  };
}
export type DeckResolver = ReturnType<typeof createDeckResolver>;
