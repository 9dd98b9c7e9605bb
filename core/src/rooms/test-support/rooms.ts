/* eslint-disable no-restricted-imports -- test-only loader of the shipped data files (never imported by src) */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ElectionDataSchema, type ElectionData, type RoomQuestion } from '../../contracts/rooms';
import { byUid } from '../../simulator/test-support/real-data';
import { electionQuestion, voteQuestionFromScrutin } from '../questions';

/** Real questions for the room tests: bundled scrutins and the shipped 2024 election. */
export const dataDir = fileURLToPath(new URL('../../../../data/', import.meta.url));
export const election2024 = (): ElectionData => ElectionDataSchema.parse(parse(readFileSync(`${dataDir}elections/2024-07-18.yaml`, 'utf8')));
export const scrutinQuestion = (uid: string): RoomQuestion => voteQuestionFromScrutin(byUid(uid), []);
export const roundQuestion = (round: 1 | 2 | 3): RoomQuestion => electionQuestion(election2024(), round);
export const tokenHash = (i: number) => `hash-${String(i).padStart(16, '0')}`;
