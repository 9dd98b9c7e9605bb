import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOM_SCENARIO_MAX_QUESTIONS, RoomError, selectScrutins,
  type DeckItem, type RoomScenarioListResponse, type RoomScenarioSource,
} from '@parallele/core';
import { SCENARIOS_DIR, ScenarioLoadError, listScenarioFiles, parseScenario, scenarioName } from '@parallele/scenarios';
import type { ScrutinsService } from '../scrutins';

/**
 * A scenario file as a room's deck source: the YAML the scenario CLI reads (its loader, every
 * error located to a field), its scrutin selection applied by core (as the CLI does) to the
 * scrutins in the store, so one imported after the start is selectable, and the first
 * ROOM_SCENARIO_MAX_QUESTIONS scrutins taken as questions.
 */
export interface ScenarioScrutins {
  selectable(range: Parameters<ScrutinsService['selectable']>[0]): ReturnType<ScrutinsService['selectable']> | Promise<Awaited<ReturnType<ScrutinsService['selectable']>>>;
  exists(uid: string): boolean | Promise<boolean>;
}
export async function listShippedScenarios(dir = SCENARIOS_DIR): Promise<RoomScenarioListResponse['scenarios']> {
  const files = await listScenarioFiles(dir);
  return files.map((file) => {
    const s = parseScenario(readFileSync(file, 'utf8'), `scenarios/${scenarioName(file)}.yaml`);
    return { name: scenarioName(file), title: s.title, titleEn: s.titleEn ?? null };
  });
}

/** Throws a RoomError naming `scenario.<field>` (and the line) for a bad file or an empty selection. */
export async function scenarioDeckItems(source: RoomScenarioSource, room: number, scrutins: ScenarioScrutins, dir = SCENARIOS_DIR): Promise<DeckItem[]> {
  if (room <= 0) throw new RoomError('bad-question', 'scenario', 'scenario: the deck already has 30 questions');
  let text: string;
  let file: string;
  if (source.name !== undefined) {
    file = `scenarios/${source.name}.yaml`;
    try {
      text = readFileSync(join(dir, `${source.name}.yaml`), 'utf8');
    } catch {
      throw new RoomError('bad-question', 'scenario.name', `scenario.name: no shipped scenario ${source.name}`);
    }
  } else {
    file = 'scenario';
    text = source.yaml!;
  }
  let selected;
  try {
    // the store answers asynchronously, the parser asks synchronously: collect the uids it asks about, check them, parse again
    const asked = new Set<string>();
    try {
      parseScenario(text, file, { exists: (uid) => (asked.add(uid), true) });
    } catch (error) {
      if (!(error instanceof ScenarioLoadError)) throw error;
    }
    const known = new Set<string>();
    for (const uid of asked) if (await scrutins.exists(uid)) known.add(uid);
    const { scrutins: selection } = parseScenario(text, file, { exists: (uid) => known.has(uid) });
    const legislatures = selection.legislature === undefined ? undefined : [selection.legislature].flat();
    selected = selectScrutins(selection, await scrutins.selectable(selection.uids ? { uids: selection.uids } : { legislatures, from: selection.from, to: selection.to }));
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    const errors = error.errors.map((e) => ({ in: 'body', param: `scenario.${e.field}`, detail: `scenario.${e.field} (${e.file}:${e.line}:${e.col}): ${e.message}` }));
    // every error of the file at once, in the problem's own `errors` list
    throw new RoomError('bad-question', errors[0]!.param, errors.map((e) => e.detail).join('; '), { errors });
  }
  if (selected.length === 0) throw new RoomError('bad-question', 'scenario.scrutins', 'scenario.scrutins: the selection matches no scrutin');
  const cap = Math.min(ROOM_SCENARIO_MAX_QUESTIONS, room);
  return selected.slice(0, cap).map((s) => ({ kind: 'scrutin', uid: s.uid }));
}
