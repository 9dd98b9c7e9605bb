import type { ActeurRef, Deputy, Group, OrganeRef, Position, Scrutin } from '@parallele/core';

/** The two layouts of the AN scrutin pages (FORMAT.md §10). */
export type PageLayout = 'dyn' | 'www2';

/** The acteurs a page is checked (dyn) or matched (www2) against: any Deputy will do. */
export type KnownDeputy = Pick<Deputy, 'ref' | 'firstName' | 'lastName'>;
export type KnownGroup = Pick<Group, 'ref' | 'name'> & { legislature?: number | null };

/** A deputy listed on a page that could not be tied to one acteur: reported, never silently dropped. */
export interface UnmatchedDeputy {
  /** The name as printed on the page, whitespace cleaned. */
  name: string;
  /** The group name as printed. */
  group: string;
  position: Position;
  /** `no-match`: no acteur has that name; `ambiguous`: several do; `unknown-acteur`: a dyn PA id absent from the acteurs. */
  reason: 'no-match' | 'ambiguous' | 'unknown-acteur';
  /** For `unknown-acteur`, the id the page gave (the vote is kept under that id). */
  acteurRef?: ActeurRef;
}

export interface PageGroup {
  organeRef: OrganeRef;
  /** As printed: "Rassemblement National", "Groupe écologiste". */
  name: string;
  /** false when a www2 group name matched no known organe (its organeRef is then `PO0`). */
  resolved: boolean;
}

/** What a scrutin page yields: the normalised scrutin plus everything the page could not settle. */
export interface ScrapedScrutin {
  layout: PageLayout;
  /** URL or file name, for reports. */
  page: string;
  scrutin: Scrutin;
  groups: PageGroup[];
  unmatched: UnmatchedDeputy[];
  /** Human-readable remarks (free-text non-votants, mises au point the parser did not map…). */
  notes: string[];
}

export interface ParsePageOptions {
  /** URL or file name, used in errors and reports. */
  page: string;
  /** Acteurs to match names against (www2) or to check ids against (dyn). */
  deputies?: readonly KnownDeputy[];
  /** Organes to resolve www2 group names against. */
  groups?: readonly KnownGroup[];
  /** When the page does not say it (www2 pages without breadcrumb). */
  legislature?: number;
}
