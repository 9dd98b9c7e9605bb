import type { Deputy, Group, Scrutin } from '../model';
import { parseActeur } from './acteur';
import { parseOrgane } from './organe';
import { Ctx, isObject, show } from './reader';
import { parseScrutin } from './scrutin';

export type OfficialDocument =
  | { kind: 'scrutin'; value: Scrutin }
  | { kind: 'acteur'; value: Deputy }
  | { kind: 'organe'; value: Group };

export type OfficialDocumentKind = OfficialDocument['kind'];

/** Any official AN file, recognised by its single top-level key. */
export function parseOfficialDocument(json: unknown, source: string): OfficialDocument {
  const ctx = new Ctx(source);
  if (!isObject(json)) return ctx.fail('(root)', `expected an object with a scrutin, acteur or organe key, got ${show(json)}`);
  if ('scrutin' in json) return { kind: 'scrutin', value: parseScrutin(json, source) };
  if ('acteur' in json) return { kind: 'acteur', value: parseActeur(json, source) };
  if ('organe' in json) return { kind: 'organe', value: parseOrgane(json, source) };
  const keys = Object.keys(json).slice(0, 5).join(', ') || 'none';
  return ctx.fail('(root)', `expected a scrutin, acteur or organe key, got keys: ${keys}`);
}
