import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageOutcome } from '@parallele/core';
import { HttpFetchError, PageParseError, detailPageUrl, discoverNewScrutins, parseScrutinPage } from '@parallele/scrapers';
import { upsertScrutins } from '../../db/an-store';
import type { SyncContext } from './context';
import {
  addQuarantine,
  getResumePoint,
  knownDeputies,
  knownGroups,
  lastOpenDataNumero,
  scrutinOrigin,
  setOrigin,
  setResumePoint,
} from './repository';

/**
 * `scrape pages`: the scrutins newer than the last open-data export, read from the AN web pages.
 *
 * - Start point: `--from N` (re-scrape from N), else the resume point, else the last open-data
 *   numero. The resume point moves after each numero is settled, so an interrupted run continues
 *   where it stopped.
 * - A page that fails to parse is quarantined (raw HTML + error) and the run goes on; nothing of it
 *   is stored. A page that cannot be fetched (after the client's retries) stops the run without
 *   moving the resume point past it: the next run tries it again.
 * - A scrutin the open data already gave is never overwritten by its page (`kept-opendata`).
 */

export interface PagesOptions {
  legislature: number;
  from?: number;
}

export async function runPagesSync(ctx: SyncContext, o: PagesOptions): Promise<void> {
  const { summary, db } = ctx;
  const after = o.from !== undefined ? o.from - 1 : Math.max((await getResumePoint(db, o.legislature)) ?? 0, await lastOpenDataNumero(db, o.legislature));
  summary.resumedFrom = after;
  summary.lastNumero = after;

  ctx.progress({ type: 'phase', label: 'list pages', total: null });
  let numeros: number[];
  try {
    numeros = (await discoverNewScrutins(ctx.client, { baseUrl: ctx.siteBaseUrl, legislature: o.legislature, after })).numeros;
  } catch (error) {
    await fail(ctx, error, 'list');
    return;
  }
  summary.discovered = numeros;
  if (numeros.length === 0) return;

  const [deputies, groups] = await Promise.all([knownDeputies(db), knownGroups(db)]);
  ctx.progress({ type: 'phase', label: 'scrutin pages', total: numeros.length });
  let done = 0;
  for (const numero of numeros) {
    if (ctx.signal?.aborted) {
      summary.errors.push(`interrupted before scrutin ${numero}; the next run resumes after ${summary.lastNumero}`);
      return;
    }
    const url = detailPageUrl(ctx.siteBaseUrl, o.legislature, numero);
    const outcome: PageOutcome = { numero, url, status: 'failed', detail: null };
    let html: string;
    try {
      const res = await ctx.client.getText(url);
      if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
      html = res.text;
    } catch (error) {
      outcome.detail = error instanceof Error ? error.message : String(error);
      summary.pages.push(outcome);
      summary.errors.push(`${url}: ${outcome.detail}; stopped, the next run resumes after ${summary.lastNumero}`);
      ctx.progress({ type: 'item', key: `n°${numero}`, status: 'failed', detail: outcome.detail });
      return;
    }
    keepRaw(ctx, o.legislature, numero, html);
    try {
      // An empty referential (no open data yet) checks nothing rather than reporting every id.
      const scraped = parseScrutinPage(html, { page: url, deputies: deputies.length ? deputies : undefined, groups, legislature: o.legislature });
      if (scraped.scrutin.legislature !== o.legislature || scraped.scrutin.numero !== numero) {
        throw new PageParseError(url, 'div[data-id]', `the page is scrutin ${scraped.scrutin.uid}, not n°${numero} of L${o.legislature}`);
      }
      const uid = scraped.scrutin.uid;
      for (const u of scraped.unmatched) summary.unmatched.push({ scrutinUid: uid, name: u.name, group: u.group, position: u.position, reason: u.reason });
      if ((await scrutinOrigin(db, uid)) === 'opendata') {
        outcome.status = 'kept-opendata';
      } else {
        const report = await db.store.transaction(async () => {
          const written = await upsertScrutins(db, [{ value: scraped.scrutin, source: url }], ctx.now().getTime());
          await setOrigin(db, [uid], 'page');
          return written;
        });
        outcome.status = report.outcomes[0] ?? 'unchanged';
        summary.scrutins[outcome.status as 'inserted' | 'updated' | 'unchanged'] += 1;
      }
      const notes = [...scraped.notes];
      if (scraped.unmatched.length) notes.unshift(`${scraped.unmatched.length} name(s) not matched to an acteur`);
      outcome.detail = notes.length ? notes.join('; ') : null;
    } catch (error) {
      if (!(error instanceof PageParseError)) throw error;
      const item = ctx.quarantine.keepText('page', url, `L${o.legislature}-scrutin-${numero}.html`, html, error.message, ctx.now());
      await addQuarantine(db, ctx.runId, item);
      summary.quarantined.push(item);
      outcome.status = 'quarantined';
      outcome.detail = error.message;
    }
    summary.pages.push(outcome);
    await setResumePoint(db, o.legislature, numero, ctx.now());
    summary.lastNumero = numero;
    ctx.progress({ type: 'item', key: `n°${numero}`, status: outcome.status, detail: outcome.detail });
    ctx.progress({ type: 'tick', label: 'scrutin pages', done: ++done, total: numeros.length });
  }
}

/** Every fetched page is kept under data/raw/pages/ with its date, like the archives. */
function keepRaw(ctx: SyncContext, legislature: number, numero: number, html: string) {
  const dir = join(ctx.dataDir, 'raw', 'pages', `L${legislature}`, ctx.now().toISOString().slice(0, 10));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `scrutin-${numero}.html`), html);
}

async function fail(ctx: SyncContext, error: unknown, kind: 'list') {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PageParseError) {
    const item = ctx.quarantine.keepText(kind, error.page, 'list-page.html', error.raw ?? '', message, ctx.now());
    await addQuarantine(ctx.db, ctx.runId, item);
    ctx.summary.quarantined.push(item);
  } else if (!(error instanceof HttpFetchError)) {
    throw error;
  }
  ctx.summary.errors.push(message);
  ctx.progress({ type: 'item', key: 'list pages', status: 'failed', detail: message });
}
