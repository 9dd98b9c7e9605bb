import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { parse as parseYaml } from 'yaml';
import { councilProblems, type CouncilImportBody, type CouncilImportSummary } from '@parallele/core';
import { toApiError } from '../../../lib/api';
import { useAccountStore } from '../../account';
import { uploadCouncil } from '../council-api';

/** A chosen file's text (FileReader: Blob.text() is missing from some engines, jsdom among them). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name}: unreadable`));
    reader.readAsText(file);
  });
}

/**
 * Administrators define a local council from its YAML (or JSON) file and, optionally, a CSV of its
 * deliberations (issue 15 §4). The server validates both with CouncilFileSchema and names every bad
 * field; this page shows them all. `upload` is the route by default (a test may pass its own).
 */
export function CouncilAdminPage({ upload = uploadCouncil }: { upload?: (body: CouncilImportBody) => Promise<CouncilImportSummary> }) {
  const { t } = useTranslation();
  const id = useId();
  const me = useAccountStore((s) => s.me);
  const [council, setCouncil] = useState<File | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<CouncilImportSummary | null>(null);

  if (!me) return <section className="page"><h1>{t('assemblies.councilAdmin.title')}</h1><p><Link to="/account?next=/admin/conseils">{t('assemblies.councilAdmin.signIn')}</Link></p></section>;
  if (me.role !== 'admin') return <section className="page"><h1>{t('assemblies.councilAdmin.title')}</h1><p className="notice notice-error" role="alert">{t('assemblies.councilAdmin.adminsOnly')}</p></section>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!council) return;
    setBusy(true);
    setProblems([]);
    setDone(null);
    try {
      const text = await readText(council);
      let file: unknown;
      try {
        // YAML is a superset of JSON: one parser reads both
        file = parseYaml(text);
      } catch (err) {
        setProblems([t('assemblies.councilAdmin.unreadable', { file: council.name, why: err instanceof Error ? err.message : String(err) })]);
        return;
      }
      if (typeof file !== 'object' || file === null || Array.isArray(file)) {
        setProblems([t('assemblies.councilAdmin.notMapping', { file: council.name })]);
        return;
      }
      const body: CouncilImportBody = { ...(file as Record<string, unknown>), ...(csv ? { deliberationsCsv: await readText(csv) } : {}) };
      setDone(await upload(body));
    } catch (err) {
      const apiError = toApiError(err);
      const listed = councilProblems(apiError.problem);
      setProblems(listed.length > 0 ? listed : [apiError.message]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page">
      <h1>{t('assemblies.councilAdmin.title')}</h1>
      <p className="small muted">{t('assemblies.councilAdmin.intro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-y`}>{t('assemblies.councilAdmin.councilFile')}</label>
          <input id={`${id}-y`} type="file" accept=".yaml,.yml,.json" onChange={(e) => setCouncil(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('assemblies.councilAdmin.csvFile')}</label>
          <input id={`${id}-c`} type="file" accept=".csv,text/csv" onChange={(e) => setCsv(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button" disabled={!council || busy}>{t('assemblies.councilAdmin.submit')}</button>
      </form>
      {problems.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="council-problems">
          <p>{t('assemblies.councilAdmin.problems', { count: problems.length })}</p>
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {done ? (
        <p className="notice notice-success" role="status" data-testid="council-imported">
          {done.fictional ? `${t('assemblies.council.fictional')} · ` : ''}
          {t('assemblies.councilAdmin.imported', {
            council: done.council,
            list: [
              t('assemblies.councilAdmin.added', { count: done.deliberations.imported }),
              t('assemblies.councilAdmin.updated', { count: done.deliberations.updated }),
              t('assemblies.councilAdmin.unchanged', { count: done.deliberations.unchanged }),
            ].join(', '),
          })}
        </p>
      ) : null}
    </section>
  );
}
