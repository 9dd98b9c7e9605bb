import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BUILDER_MAX_UIDS, builderParams, type FlippableItem } from '@parallele/core';
import { downloadCsv } from '@parallele/charts';
import { fetchFlippable } from '../api';

/** Every page of the flippable list (200 a page). */
async function allFlippable(legislature: number, k: number, mode: string): Promise<FlippableItem[]> {
  const items: FlippableItem[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchFlippable(legislature, k, mode, page, 200);
    items.push(...res.items);
    if (page * res.pageSize >= res.total) return items;
  }
}

/**
 * The flippable votes as a CSV file, and as a scenario in the builder: the same scrutins (the
 * first BUILDER_MAX_UIDS, smallest K* first), the same K, mode and best-case split the list uses.
 */
export function FlippableActions({ legislature, k, mode }: { legislature: number; k: number; mode: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const run = async (then: (items: FlippableItem[]) => void) => {
    setBusy(true);
    try {
      then(await allFlippable(legislature, k, mode));
    } finally {
      setBusy(false);
    }
  };
  const csv = (items: FlippableItem[]) =>
    downloadCsv(`basculables-L${legislature}-k${k}-${mode}.csv`, ['uid', 'numero', 'date', 'type', 'titre', 'outcome', 'k_star'], items.map((i) => [i.uid, i.numero, i.date, i.type, i.titre, i.outcome, i.tippingPoint]));
  const open = (items: FlippableItem[]) => {
    if (items.length === 0) return;
    const params = builderParams({ uids: items.slice(0, BUILDER_MAX_UIDS).map((i) => i.uid), k: { from: 1, to: k, step: 1 }, tk: k, split: 'best-case', mode: [mode], title: t('legislature.list', { k }) });
    void navigate(`/scenarios/builder?${params.toString()}`);
  };
  return (
    <div className="chart-actions">
      <button type="button" className="button button-small" disabled={busy} onClick={() => void run(csv)} data-testid="flippable-csv">
        {t('builder.flippableCsv')}
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={() => void run(open)} data-testid="flippable-open-builder">
        {t('builder.openInBuilder')}
      </button>
    </div>
  );
}
