import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteChoice } from '@parallele/core';
import { createVerifiedCitizen, startCitizensTestServer, type CitizensTestServer } from '../../test-support/citizens';

/**
 * A brigading simulation ("noyautage"): 300 accounts registered from three addresses, voting
 * contre in bursts, mixed with 400 honest accounts from varied addresses (including a campus
 * sharing one /24 and a few honest neighbours in the brigade's own networks) who registered over
 * three days and vote whenever they like. The detector runs every five simulated minutes, as the
 * server's timer would. Reports how many brigade accounts were caught and how many honest ones
 * were flagged.
 */
let t: CitizensTestServer;
beforeAll(async () => {
  t = await startCitizensTestServer({ scrutins: 2 });
});
afterAll(async () => t.close());

/** mulberry32: a seeded PRNG so the simulation is the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Actor {
  email: string;
  ip: string;
  registerAt: number;
  voteAt: number;
  choice: VoteChoice;
  brigade: boolean;
}

describe('the burst detector against a brigade', () => {
  it('flags the brigade and (almost) no honest citizen', async () => {
    const random = prng(20250301);
    const minute = 60_000;
    const start = t.clock.now;
    const day = 24 * 60 * minute;
    const attackAt = start + 3 * day;
    const uid = t.scrutinUids[0]!;
    const actors: Actor[] = [];

    const brigadeAddresses = ['203.0.113.5', '198.51.100.7', '192.0.2.9'];
    for (let i = 0; i < 300; i++) {
      const ip = brigadeAddresses[i % 3]!;
      const registerAt = attackAt + Math.floor(random() * 20 * minute);
      actors.push({ email: `brigade${i}@mailinator.example`, ip, registerAt, voteAt: registerAt + Math.floor(random() * 8 * minute), choice: 'contre', brigade: true });
    }
    const pick = (): VoteChoice => {
      const r = random();
      return r < 0.45 ? 'pour' : r < 0.8 ? 'contre' : 'abstention';
    };
    for (let i = 0; i < 400; i++) {
      let ip: string;
      if (i < 30) ip = `100.64.12.${10 + (i % 200)}`; // a campus: one /24, thirty students
      else if (i < 36) ip = `${brigadeAddresses[i % 3]!.split('.').slice(0, 3).join('.')}.${100 + i}`; // honest neighbours of the brigade
      else ip = `${1 + Math.floor(random() * 222)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
      const registerAt = start + Math.floor(random() * 3.5 * day);
      actors.push({ email: `citizen${i}@example.org`, ip, registerAt, voteAt: registerAt + Math.floor(random() * day), choice: pick(), brigade: false });
    }

    type Step = { at: number; kind: 'register' | 'vote'; actor: Actor };
    const steps: Step[] = actors.flatMap((actor) => [
      { at: actor.registerAt, kind: 'register' as const, actor },
      { at: actor.voteAt, kind: 'vote' as const, actor },
    ]);
    steps.sort((a, b) => a.at - b.at || (a.kind === 'register' ? -1 : 1));

    const sessions = new Map<string, Awaited<ReturnType<typeof createVerifiedCitizen>>>();
    let nextRun = start + 5 * minute;
    for (const step of steps) {
      while (nextRun <= step.at) {
        t.clock.now = nextRun;
        await t.citizens.moderation.runDetector();
        nextRun += 5 * minute;
      }
      t.clock.now = step.at;
      if (step.kind === 'register') sessions.set(step.actor.email, await createVerifiedCitizen(t, step.actor.email, step.actor.ip));
      else await t.citizens.votes.castVote(sessions.get(step.actor.email)!.citizen, uid, step.actor.choice, step.actor.ip);
    }
    t.clock.now = nextRun;
    await t.citizens.moderation.runDetector();

    const flagged = new Set((await t.citizens.moderation.list('open', 1000, 0)).flags.map((f) => f.voterId));
    const voterOf = (a: Actor) => sessions.get(a.email)!.citizen.voterId;
    const brigade = actors.filter((a) => a.brigade);
    const honest = actors.filter((a) => !a.brigade);
    const caught = brigade.filter((a) => flagged.has(voterOf(a))).length;
    const falsePositives = honest.filter((a) => flagged.has(voterOf(a))).length;
    const tally = await t.citizens.votes.tally(uid);
    console.log(
      `brigading simulation: caught ${caught}/${brigade.length} brigade accounts, ${falsePositives}/${honest.length} honest accounts flagged; ` +
        `tally all ${JSON.stringify(tally.all)}, without flagged ${JSON.stringify(tally.unflagged)}`,
    );
    expect(caught / brigade.length).toBeGreaterThanOrEqual(0.95);
    expect(falsePositives / honest.length).toBeLessThanOrEqual(0.02);
    // Without the flagged accounts, the tally is the honest citizens' again.
    const honestContre = honest.filter((a) => a.choice === 'contre').length;
    expect(Math.abs(tally.unflagged.contre - honestContre)).toBeLessThanOrEqual(brigade.length - caught);
    expect(tally.all.total).toBe(700);
  });
});
