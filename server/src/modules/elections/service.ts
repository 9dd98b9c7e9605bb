import {
  simulateElectionRound,
  parseElectionSplit,
  unsimulableReason,
  isSimulationError,
  type ElectionDetail,
  type ElectionListResponse,
  type ElectionRecord,
  type ElectionRound,
  type ElectionSimulationQuery,
  type ElectionSimulationResponse,
} from '@parallele/core';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { readElections } from './data';
import { createElectionsRepository } from './repository';

/**
 * Elections with several candidates (issue 15 §3): the records of data/elections, the citizens'
 * ballots per round, and the simulator (core simulateElectionRound) fed by the platform's split.
 */
export function createElectionsService(db: Db, elections: readonly ElectionRecord[] = readElections()) {
  const repo = createElectionsRepository(db);
  const byId = new Map(elections.map((e) => [e.id, e]));

  const election = (id: string): ElectionRecord => {
    const e = byId.get(id);
    if (!e) throw AppError.notFound(`No election ${id}`, { param: 'id' });
    return e;
  };
  const roundOf = (e: ElectionRecord, n: number): ElectionRound => {
    const r = e.rounds.find((x) => x.round === n);
    if (!r) throw AppError.notFound(`Election ${e.id} has no round ${n} (rounds 1 to ${e.rounds.length})`, { param: 'round' });
    return r;
  };
  const platform = async (e: ElectionRecord, r: ElectionRound) => {
    const t = await repo.tally(e.id, r.round);
    const votes = (r.candidates ?? []).map((c) => t.get(c.name) ?? 0);
    const blank = t.get('') ?? 0;
    return { votes, blank, total: votes.reduce((a, b) => a + b, 0) + blank };
  };
  const guarded = <T>(f: () => T): T => {
    try {
      return f();
    } catch (error) {
      if (isSimulationError(error)) throw AppError.badRequest(error.message, { param: error.parameter });
      throw error;
    }
  };

  return {
    list(): ElectionListResponse {
      return { items: elections.map((e) => ({ id: e.id, title: e.title, titleEn: e.titleEn, date: e.date, legislature: e.legislature, rounds: e.rounds.length })) };
    },

    async get(id: string): Promise<ElectionDetail> {
      const e = election(id);
      return {
        id: e.id, title: e.title, titleEn: e.titleEn, date: e.date, legislature: e.legislature, rounds: e.rounds.length, members: e.members, source: e.source,
        roundsDetail: await Promise.all(
          e.rounds.map(async (r) => {
            const why = unsimulableReason(r);
            const official = why ? null : simulateElectionRound(e, r, { k: 0, split: r.candidates!.map(() => 1) }).official;
            return { ...r, unsimulable: why, official, platform: await platform(e, r) };
          }),
        ),
      };
    },

    /** One ballot per citizen per round; `''` is blank. The candidate must be on that round's list. */
    async castBallot(id: string, round: number, citizenId: number, candidate: string, now: number): Promise<{ candidate: string }> {
      const e = election(id);
      const r = roundOf(e, round);
      if (!r.candidates) throw AppError.badRequest(`round ${round}: its candidates are unknown, there is nothing to vote on`, { param: 'round' });
      if (candidate !== '' && !r.candidates.some((c) => c.name === candidate)) {
        throw AppError.badRequest(`candidate: "${candidate}" is not a candidate of round ${round} (${r.candidates.map((c) => c.name).join(', ')})`, { param: 'candidate' });
      }
      await repo.cast(e.id, round, citizenId, candidate, now);
      return { candidate };
    },

    async myBallots(id: string, citizenId: number): Promise<{ ballots: Record<string, string> }> {
      return { ballots: await repo.mine(election(id).id, citizenId) };
    },

    async simulate(id: string, round: number, q: ElectionSimulationQuery): Promise<ElectionSimulationResponse> {
      const e = election(id);
      const r = roundOf(e, round);
      const why = unsimulableReason(r);
      if (why) throw AppError.badRequest(why, { param: 'round' });
      // the platform's split read before the pure part, which `guarded` turns into 400s
      const p = q.split === undefined ? await platform(e, r) : null;
      return guarded(() => {
        let split: number[];
        let splitSource: ElectionSimulationResponse['splitSource'];
        if (!p) {
          split = parseElectionSplit(q.split!, r.candidates!.length);
          splitSource = 'given';
        } else {
          split = p.total > 0 ? [...p.votes, p.blank] : r.candidates!.map(() => 1);
          splitSource = p.total > 0 ? 'platform' : 'even';
        }
        const s = simulateElectionRound(e, r, { k: q.k, split, mode: q.mode, method: q.method });
        return { ...s, split, splitSource };
      });
    },
  };
}
export type ElectionsService = ReturnType<typeof createElectionsService>;
