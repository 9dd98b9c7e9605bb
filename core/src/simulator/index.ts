/**
 * The simulator (issue 3): what the Assemblée would have decided if K "MaVoix" deputies had cast
 * the citizens' split, from which K the outcome tips, and the related analyses. Pure: it runs in
 * the server and in the browser alike. Input: a `SimScrutin` (a parsed `Scrutin` is one).
 *
 * Definitions worth knowing:
 * - members M = Σ nombreMembresGroupe (vacant seats excluded). For a motion de censure the
 *   threshold is floor(M/2) + 1 (M + K when `added`); on every bundled MOC (12 in L17, those of
 *   the L16 samples) this equals the official nbrSuffragesRequis (289/288 follow the vacancies).
 * - "sitting members" (flip probability) are these M deputies, whatever their position, absents
 *   and non-votants included: the universe `proportional` replaces from.
 * - `method` chooses how the bloc's K seats are split (largest remainder by default); the
 *   displacement always uses largest remainder, as the rules say.
 * - `deputies:<refs>` replaces the first K named deputies (K ≤ the list), so curves and tipping
 *   points keep a meaning; an absent deputy cannot be named (the official file does not list them).
 * - `group:<ref>` with a ref occurring several times in a scrutin (PO0 in L17 V489–V501) takes
 *   those entries as one group.
 */
export * from './errors';
export * from './types';
export * from './apportion';
export { prepare, type PreparedScrutin } from './prepared';
export { blocTable, displacerFor, type Displacer } from './engine';
export * from './simulate';
export * from './analysis';
export * from './flip-probability';
export * from './power';
export * from './assemblies';
export * from './election';
export * from './parallel-seats';
