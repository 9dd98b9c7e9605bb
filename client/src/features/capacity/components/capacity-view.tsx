import { useTranslation } from 'react-i18next';
import type { CapacityResponse, VoteRun } from '@parallele/core';
import { useFormat } from '../../../lib/format';
import { ScrollRegion } from '../../../components/scroll-region';

const RUNS = ['sqlite1', 'postgres1', 'postgres2'] as const;

/** Bytes as kB / MB / GB in the reader's language (fr: ko, Mo, Go). */
function useBytes() {
  const f = useFormat();
  return (bytes: number) => {
    const [unit, size] = bytes >= 1e9 ? (['gigabyte', 1e9] as const) : bytes >= 1e6 ? (['megabyte', 1e6] as const) : (['kilobyte', 1e3] as const);
    return f.n(bytes / size, { style: 'unit', unit, maximumFractionDigits: 1 });
  };
}

function RunsTable({ runs }: { runs: CapacityResponse['report']['votes'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cells = (run: VoteRun) =>
    run.available ? (
      <>
        <td>{f.n(run.votesPerSecond)}</td>
        <td>{f.n(run.latencyP50Ms)} ms</td>
        <td>{f.n(run.latencyP99Ms)} ms</td>
        <td>{f.n(run.cpuMsPerVote + (run.storeCpuMsPerVote ?? 0), { maximumFractionDigits: 2 })} ms</td>
      </>
    ) : (
      <td colSpan={4} className="muted" style={{ whiteSpace: 'normal' }}>
        {t('capacity.measured.unavailable', { reason: run.reason })}
      </td>
    );
  return (
    <ScrollRegion label={t('capacity.measured.runs')}>
      <table className="table" data-testid="capacity-runs">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('capacity.measured.runs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('capacity.measured.run')}</th>
            <th scope="col">{t('capacity.measured.throughput')}</th>
            <th scope="col">{t('capacity.measured.p50')}</th>
            <th scope="col">{t('capacity.measured.p99')}</th>
            <th scope="col">{t('capacity.measured.cpu')}</th>
          </tr>
        </thead>
        <tbody>
          {RUNS.map((key) => (
            <tr key={key} data-run={key}>
              <th scope="row">{t(`capacity.measured.${key}`)}</th>
              {cells(runs[key])}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The page's content from GET /api/capacity: measured capacity, current load, cost per 1,000 voters. */
export function CapacityView({ data }: { data: CapacityResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const bytes = useBytes();
  const { report, capacity, load, prices, costPer1000 } = data;
  // costs per 1,000 voters can be fractions of a cent: significant digits, not cents
  const money = (x: number) => f.n(x, { style: 'currency', currency: prices.currency, maximumSignificantDigits: x > 0 && x < 1 ? 2 : 3 });
  const price = (x: number) => f.n(x, { style: 'currency', currency: prices.currency });
  const { machine, sockets } = report;
  const ceiling = sockets.connected >= sockets.target ? t('capacity.measured.ceilingReached') : t('capacity.measured.ceilingOther', { reason: sockets.ceiling });
  return (
    <div style={{ display: 'grid', gap: '1.25rem' }}>
      <section className="card" aria-labelledby="capacity-measured">
        <h2 id="capacity-measured">{t('capacity.measured.title')}</h2>
        <dl className="figures" data-testid="capacity-figures">
          <div>
            <dt>{t('capacity.measured.perCore')}</dt>
            <dd>{f.n(capacity.votesPerSecondPerCore)}</dd>
          </div>
          <div>
            <dt>{t('capacity.measured.sockets')}</dt>
            <dd>{f.n(capacity.socketsPerProcess)}</dd>
          </div>
          <div>
            <dt>{t('capacity.measured.storage')} ({capacity.storageStore === 'postgres' ? 'PostgreSQL' : 'SQLite'})</dt>
            <dd>{bytes(capacity.storageBytesPerMillionVotes)}</dd>
          </div>
        </dl>
        <p className="small">{t('capacity.measured.perCoreNote', { run: t(`capacity.measured.${capacity.fromRun}`) })}</p>
        <RunsTable runs={report.votes} />
        <p className="small" data-testid="capacity-sockets">
          {t('capacity.measured.socketsNote', { connected: f.n(sockets.connected), target: f.n(sockets.target), ceiling, p95: f.n(sockets.updateLatencyP95Ms), memory: bytes(sockets.rssBytesPer1000) })}
        </p>
        <p className="small muted" data-testid="capacity-machine">
          {t('capacity.measured.machine', { date: f.date(report.date), cores: machine.cores, cpu: machine.cpuModel, memory: bytes(machine.memoryBytes), node: machine.node, load: machine.loadAverage.map((x) => f.n(x)).join(' · ') })}
        </p>
      </section>

      <section className="card" aria-labelledby="capacity-load">
        <h2 id="capacity-load">{t('capacity.load.title')}</h2>
        <dl className="figures" data-testid="capacity-load">
          <div>
            <dt>{t('capacity.load.voters')}</dt>
            <dd>{f.n(load.activeVoters30d)}</dd>
          </div>
          <div>
            <dt>{t('capacity.load.votesPerDay')}</dt>
            <dd>{f.n(load.votesPerDay, { maximumFractionDigits: 1 })}</dd>
          </div>
          <div>
            <dt>{t('capacity.load.store', { store: load.store === 'postgres' ? 'PostgreSQL' : 'SQLite' })}</dt>
            <dd>{bytes(load.storeBytes)}</dd>
          </div>
          <div>
            <dt>{t('capacity.load.sockets')}</dt>
            <dd>{f.n(load.connectedSockets)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="capacity-cost">
        <h2 id="capacity-cost">{t('capacity.cost.title')}</h2>
        <dl className="figures" data-testid="capacity-cost">
          <div>
            <dt>{t('capacity.cost.total')}</dt>
            <dd>{money(costPer1000.total)}</dd>
          </div>
          <div>
            <dt>{t('capacity.cost.cpu')}</dt>
            <dd>{money(costPer1000.cpu)}</dd>
          </div>
          <div>
            <dt>{t('capacity.cost.memory')}</dt>
            <dd>{money(costPer1000.memory)}</dd>
          </div>
          <div>
            <dt>{t('capacity.cost.storage')}</dt>
            <dd>{money(costPer1000.storage)}</dd>
          </div>
        </dl>
        <p className="small" data-testid="capacity-prices">
          {t('capacity.cost.prices', { vcpu: price(prices.vcpuMonth), memory: price(prices.memoryGbMonth), storage: price(prices.storageGbMonth), peak: f.n(prices.peakFactor) })}{' '}
          {t('capacity.cost.votesPerVoter', { votes: f.n(data.votesPerVoterMonth, { maximumFractionDigits: 1 }), source: t(`capacity.cost.${data.votesPerVoterSource}`) })}
        </p>
        <p className="small">{t('capacity.cost.formula')}</p>
      </section>
    </div>
  );
}
