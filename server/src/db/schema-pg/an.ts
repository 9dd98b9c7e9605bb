import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The Assemblée nationale side of the store: scrutins with their per-group breakdown, per-deputy
 * positions and mises au point, plus the deputies (acteurs) and organes (groups) referentials.
 *
 * Deliberately NO foreign key from positions/groups rows to `deputies`/`organes`: the official data
 * has real dangling refs (`PO0`, senators in the Congrès, deputies with no acteur file), and a
 * scrutin must import whatever the referentials hold. Child rows do reference their scrutin, with
 * ON DELETE CASCADE, so re-importing a changed scrutin is "delete children, insert children".
 *
 * `source_hash` is a content hash of the record: a re-import compares it to report unchanged
 * records without touching them. Times are integer milliseconds since epoch.
 */

export const scrutins = pgTable(
  'scrutins',
  {
    uid: text('uid').primaryKey(),
    legislature: integer('legislature').notNull(),
    numero: integer('numero').notNull(),
    /** the assembly organe (PO838901 for L17) */
    organeRef: text('organe_ref').notNull(),
    sessionRef: text('session_ref'),
    seanceRef: text('seance_ref'),
    /** YYYY-MM-DD: sorts as text */
    date: text('date').notNull(),
    sittingOfDay: integer('sitting_of_day'),
    type: text('type', { enum: ['SPO', 'SPS', 'MOC', 'SSG'] }).notNull(),
    typeLabel: text('type_label'),
    majorityLabel: text('majority_label'),
    outcome: text('outcome', { enum: ['adopté', 'rejeté'] }).notNull(),
    outcomeLabel: text('outcome_label'),
    titre: text('titre').notNull(),
    objet: text('objet'),
    demandeur: text('demandeur'),
    place: text('place'),
    announcement: text('announcement'),
    pour: integer('pour').notNull(),
    contre: integer('contre').notNull(),
    abstentions: integer('abstentions').notNull(),
    nonVotants: integer('non_votants').notNull(),
    votants: integer('votants').notNull(),
    exprimes: integer('exprimes').notNull(),
    requis: integer('requis').notNull(),
    /** |pour − requis|, stored so "closest votes first" is an index scan (written by the store). */
    closeness: integer('closeness').notNull(),
    /** SHA-256 (hex) of the official text + parser version (import-service sourceHash), for idempotent re-import */
    sourceHash: text('source_hash').notNull(),
    /** where it was last imported from: `file:line`, a zip member… (diagnostics only) */
    source: text('source'),
    /**
     * Which channel wrote the row: the official open data, or a scraped AN web page (a scrutin too
     * recent for the last export). An open-data import always replaces a `page` row.
     */
    origin: text('origin', { enum: ['opendata', 'page'] }).notNull().default('opendata'),
    importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    // not unique: the Congrès VTCGR5L16V1 shares legislature 16, numero 1 and even organeRef with VTANR5L16V1
    index('scrutins_legislature_numero_idx').on(t.legislature, t.numero),
    index('scrutins_legislature_date_idx').on(t.legislature, t.date),
    index('scrutins_date_idx').on(t.date),
    index('scrutins_type_idx').on(t.type, t.date),
    index('scrutins_outcome_idx').on(t.outcome, t.date),
    index('scrutins_closeness_idx').on(t.closeness, t.date),
  ],
);

/** The parent scrutin of a child row: deleting (re-importing) the scrutin deletes its children. */
const scrutinUidColumn = () =>
  text('scrutin_uid')
    .notNull()
    .references(() => scrutins.uid, { onDelete: 'cascade' });

/** One row per `groupe` of ventilationVotes, `position` = its index in the file (file order). */
export const scrutinGroups = pgTable(
  'scrutin_groups',
  {
    scrutinUid: scrutinUidColumn(),
    position: integer('position').notNull(),
    organeRef: text('organe_ref').notNull(),
    members: integer('members').notNull(),
    pour: integer('pour').notNull(),
    contre: integer('contre').notNull(),
    abstentions: integer('abstentions').notNull(),
    nonVotants: integer('non_votants').notNull(),
    majorityPosition: text('majority_position', { enum: ['pour', 'contre', 'abstention'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scrutinUid, t.position] }), index('scrutin_groups_organe_idx').on(t.organeRef)],
);

/** One row per named deputy in decompteNominatif, `ordinal` = file order within the scrutin. */
export const deputyVotes = pgTable(
  'deputy_votes',
  {
    scrutinUid: scrutinUidColumn(),
    ordinal: integer('ordinal').notNull(),
    acteurRef: text('acteur_ref').notNull(),
    mandatRef: text('mandat_ref'),
    /** the group the deputy voted with (enclosing groupe.organeRef) */
    organeRef: text('organe_ref').notNull(),
    position: text('position', { enum: ['pour', 'contre', 'abstention', 'nonVotant'] }).notNull(),
    /** parDelegation; null when the export does not say */
    byProxy: integer('by_proxy'),
    cause: text('cause'),
    seat: text('seat'),
  },
  (t) => [
    primaryKey({ columns: [t.scrutinUid, t.ordinal] }),
    // "all positions of a deputy", newest first via a join on scrutins.date
    index('deputy_votes_acteur_idx').on(t.acteurRef, t.scrutinUid),
  ],
);

export const misesAuPoint = pgTable(
  'mises_au_point',
  {
    scrutinUid: scrutinUidColumn(),
    ordinal: integer('ordinal').notNull(),
    acteurRef: text('acteur_ref').notNull(),
    mandatRef: text('mandat_ref'),
    position: text('position', { enum: ['pour', 'contre', 'abstention', 'nonVotant', 'nonVotantVolontaire'] }).notNull(),
    malfunction: integer('malfunction').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scrutinUid, t.ordinal] }), index('mises_au_point_acteur_idx').on(t.acteurRef)],
);

/** Acteurs (deputies; senators only if an acteur file is imported for them). */
export const deputies = pgTable(
  'deputies',
  {
    ref: text('ref').primaryKey(),
    civility: text('civility'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    alpha: text('alpha'),
    birthDate: text('birth_date'),
    groupRef: text('group_ref'),
    sourceHash: text('source_hash').notNull(),
    source: text('source'),
    importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('deputies_group_idx').on(t.groupRef), index('deputies_alpha_idx').on(t.alpha)],
);

/** Organes: political groups (GP), the assemblies themselves (ASSEMBLEE)… Model name: Group. */
export const groups = pgTable(
  'organes',
  {
    ref: text('ref').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    abbreviation: text('abbreviation'),
    colour: text('colour'),
    politicalPosition: text('political_position'),
    legislature: integer('legislature'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    preseance: integer('preseance'),
    sourceHash: text('source_hash').notNull(),
    source: text('source'),
    importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('organes_kind_legislature_idx').on(t.kind, t.legislature)],
);
