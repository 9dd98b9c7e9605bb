import {
  ElectionDetailSchema, ElectionListResponseSchema, ElectionSimulationResponseSchema, MyBallotsResponseSchema, PutBallotBodySchema,
} from '@parallele/core';
import { get, send } from '../../lib/api';

/** /api/elections (issue 15 §3). */
export const fetchElections = () => get(ElectionListResponseSchema, '/elections');
export const fetchElection = (id: string) => get(ElectionDetailSchema, `/elections/${encodeURIComponent(id)}`);
export const fetchMyBallots = (id: string) => get(MyBallotsResponseSchema, `/elections/${encodeURIComponent(id)}/my-ballots`);
export const castBallot = (id: string, round: number, candidate: string) =>
  send(PutBallotBodySchema, 'PUT', `/elections/${encodeURIComponent(id)}/rounds/${round}/my-ballot`, { candidate });
export const simulateRound = (id: string, round: number, k: number, mode: 'proportional' | 'added') =>
  get(ElectionSimulationResponseSchema, `/elections/${encodeURIComponent(id)}/rounds/${round}/simulation`, { k: String(k), mode });
