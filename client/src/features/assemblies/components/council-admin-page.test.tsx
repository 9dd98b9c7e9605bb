import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { CouncilFileSchema, describeIssues, type CouncilImportBody, type CouncilImportSummary } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { ApiError } from '../../../lib/api';
import { useAccountStore } from '../../account';
import { CouncilAdminPage } from './council-admin-page';

// jsdom gives modules an http: import.meta.url: find the repository from the working directory
function repoFile(path: string, dir = process.cwd()): string {
  if (existsSync(join(dir, path))) return join(dir, path);
  if (dirname(dir) === dir) throw new Error(`${path} not found`);
  return repoFile(path, dirname(dir));
}
const yamlText = readFileSync(repoFile('data/councils/bourg-fictif.yaml'), 'utf8');
const csvText = readFileSync(repoFile('data/councils/bourg-fictif-deliberations.csv'), 'utf8');

/**
 * Stands in for POST /api/admin/councils with what the server's reader does with the body: core's
 * CouncilFileSchema, every issue named by describeIssues, a 400 problem listing them (`problems`).
 */
async function route(body: CouncilImportBody): Promise<CouncilImportSummary> {
  const { deliberationsCsv, ...file } = body;
  const parsed = CouncilFileSchema.safeParse(file);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error).map((p) => `body: ${p}`);
    throw new ApiError(400, 'bad_request', 'bad council', { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'bad council', code: 'bad_request', param: 'body', problems });
  }
  const csvRows = (deliberationsCsv ?? '').trim().split('\n').length - 1;
  return { council: parsed.data.council.id, fictional: parsed.data.council.fictional, deliberations: { imported: parsed.data.deliberations.length + (csvRows > 0 ? 1 : 0), updated: 0, unchanged: 0 }, uids: [] };
}
const sent: CouncilImportBody[] = [];
const upload = (body: CouncilImportBody) => {
  sent.push(body);
  return route(body);
};
const signIn = (role: 'admin' | 'citizen') =>
  useAccountStore.setState({ me: { email: 'a@example.org', voterId: 'a'.repeat(32), level: 'email', role, createdAt: '2026-11-24T06:00:00.000Z' } });
const choose = (label: string, name: string, text: string) => fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], name)] } });

describe('the council administration page', () => {
  afterEach(() => {
    cleanup();
    sent.length = 0;
    useAccountStore.setState({ me: null });
  });

  it('is for administrators only', async () => {
    signIn('citizen');
    await renderInApp(<CouncilAdminPage upload={upload} />);
    expect(screen.getByRole('alert').textContent).toBe('Réservé aux administrateurs et administratrices.');
    expect(screen.queryByLabelText('Fichier du conseil (YAML ou JSON)')).toBeNull();
  });

  it('uploads the example council with its CSV and says what was imported', async () => {
    signIn('admin');
    await renderInApp(<CouncilAdminPage upload={upload} />);
    choose('Fichier du conseil (YAML ou JSON)', 'bourg-fictif.yaml', yamlText);
    choose('Délibérations (CSV, facultatif)', 'bourg-fictif-deliberations.csv', csvText);
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await expect.poll(() => screen.queryByTestId('council-imported')?.textContent).toMatch(/^Exemple fictif · Conseil bourg-fictif importé\u00a0: \d+ délibérations ajoutées, 0 mise à jour, 0 inchangée\.$/);
    expect(sent[0]).toMatchObject({ council: { id: 'bourg-fictif', seats: 29 }, deliberationsCsv: csvText });
  });

  it('shows every bad field the server names, and a YAML file that cannot be read', async () => {
    signIn('admin');
    await renderInApp(<CouncilAdminPage upload={upload} />, { lang: 'en' });
    const bad = yamlText.replace('seats: 29', 'seats: -3').replace('date: 2026-02-12', 'date: 12/02/2026').replace('{ id: citoyens, name: Liste citoyenne, seats: 3,', '{ id: citoyens, name: Liste citoyenne, seats: trois,');
    choose('Council file (YAML or JSON)', 'bad.yaml', bad);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await expect.poll(() => screen.queryByTestId('council-problems')?.textContent ?? '').toContain('body: council.seats');
    const text = screen.getByTestId('council-problems').textContent!;
    expect(text).toContain('body: council.groups.2.seats');
    expect(text).toContain('body: deliberations.0.date: expected a date YYYY-MM-DD');
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(3);

    choose('Council file (YAML or JSON)', 'broken.yaml', 'council: [unclosed');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await expect.poll(() => screen.queryByTestId('council-problems')?.textContent ?? '').toContain('broken.yaml: unreadable YAML');
    expect(sent).toHaveLength(1);
  });
});
