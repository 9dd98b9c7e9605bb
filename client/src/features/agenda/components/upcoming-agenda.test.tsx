import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { groupByText, parseReunion, upcomingSittings, type AgendaSitting, type UpcomingAgendaResponse } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { agendaEn, agendaFr } from '../i18n';
import { AsOfLabel, UpcomingTexts } from './upcoming-agenda';

/** The real bundled agenda, read as the API would as of 18 Nov 2025 noon. */
function upcomingAsOf(now: string): UpcomingAgendaResponse {
  // jsdom gives modules an http: import.meta.url: find the repository from the working directory
  let dir = process.cwd();
  while (!existsSync(join(dir, 'data/opendata/FORMAT.md')) && dirname(dir) !== dir) dir = dirname(dir);
  const lines = gunzipSync(readFileSync(join(dir, 'data/opendata/agenda/reunions-L16-L17-4601.ndjson.gz'))).toString('utf8').split('\n').filter(Boolean);
  const sittings: AgendaSitting[] = [];
  for (const l of lines) {
    const r = parseReunion(JSON.parse(l), 'agenda');
    if (r.kind === 'seance') sittings.push(r.value);
  }
  const up = upcomingSittings(sittings, new Date(now));
  return {
    clock: { now, source: 'as-of', asOfDate: now.slice(0, 10) },
    sittings: [],
    texts: groupByText(up).map((t) => ({
      dossierRef: t.dossierRef, title: t.title, voteKind: t.voteKind, decisiveSittingUid: t.decisiveSittingUid, decisiveStart: t.decisiveStart, firstStart: t.firstStart,
      sittings: t.items.map((i) => ({ uid: i.sittingUid, start: i.start, type: i.point.type, voteKind: i.point.voteExpected!, tentative: i.point.tentative })),
      questionId: t.dossierRef === 'DLR5L17N52428' ? 'Q-RUANR5L17S2026IDS29952-DLR5L17N52428' : null,
    })),
  };
}

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('À l’ordre du jour', () => {
  afterEach(cleanup);

  it('has the same texts in French and English', () => {
    expect(keys(agendaEn as Tree).sort()).toEqual(keys(agendaFr as Tree).sort());
  });

  it('shows the PLF 2026 vote solennel of 24 Nov 2025 with its date, its 17 sittings and the question to vote on', async () => {
    const data = upcomingAsOf('2025-11-18T11:00:00.000Z');
    await renderInApp(<UpcomingTexts data={data} />);
    const plf = document.querySelector('[data-dossier="DLR5L17N52428"]')!;
    expect(plf.textContent).toContain('Vote solennel sur le projet de loi de finances pour 2026');
    expect(plf.textContent).toContain('Vote le lundi 24 novembre à 16:00');
    expect(plf.textContent).toMatch(/17\sséances · à partir du mardi 18 novembre à 15:00/);
    expect(plf.querySelector('a')!.getAttribute('href')).toBe('/agenda#Q-RUANR5L17S2026IDS29952-DLR5L17N52428');
    // every text shown leads to a vote, with its kind
    expect(screen.getAllByTestId('agenda-text').length).toBe(data.texts.length);
  });

  it('labels a replayed agenda with its date, in English too', async () => {
    await renderInApp(<AsOfLabel clock={{ now: '2025-11-18T11:00:00.000Z', source: 'as-of', asOfDate: '2025-11-18' }} />, { lang: 'en' });
    expect(screen.getByTestId('agenda-as-of').textContent).toContain('Agenda as of 18 November 2025');
  });
});
