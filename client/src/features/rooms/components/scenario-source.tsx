import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROOM_SCENARIO_MAX_BYTES, type RoomScenarioSource } from '@parallele/core';
import { AsyncView } from '../../../components/status';
import { useResource } from '../../../lib/use-resource';
import { fetchRoomScenarios } from '../api';

/** The "Scénario" choice of the creation page: a shipped scenario, or a YAML file from the computer. */
export function ScenarioSource({ value, onChange }: { value: RoomScenarioSource | null; onChange: (s: RoomScenarioSource | null) => void }) {
  const { t, i18n } = useTranslation();
  const scenarios = useResource('rooms-scenarios', fetchRoomScenarios);
  const [file, setFile] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setError(null);
    if (!f) return;
    // the server checks too: this only spares a pointless upload
    if (f.size > ROOM_SCENARIO_MAX_BYTES) return setError(t('rooms.scenario.tooBig'));
    setFile(f.name);
    onChange({ yaml: await f.text() });
  };
  return (
    <section className="card">
      <h2>{t('rooms.scenario.title')}</h2>
      <p className="muted">{t('rooms.scenario.intro')}</p>
      <AsyncView resource={scenarios}>
        {(data) => (
          <p>
            <label htmlFor="room-scenario">{t('rooms.scenario.choose')}</label>
            <select id="room-scenario" value={value?.name ?? ''} onChange={(e) => { setFile(null); onChange(e.target.value ? { name: e.target.value } : null); }}>
              <option value="">{t('rooms.scenario.none')}</option>
              {data.scenarios.map((s) => <option key={s.name} value={s.name}>{i18n.language === 'en' ? (s.titleEn ?? s.title) : s.title}</option>)}
            </select>
          </p>
        )}
      </AsyncView>
      <p>
        <label htmlFor="room-scenario-file">{t('rooms.scenario.upload')}</label>
        <input id="room-scenario-file" type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => void upload(e)} />
        {file && value?.yaml !== undefined ? <span className="muted"> {t('rooms.scenario.uploaded', { name: file })}</span> : null}
      </p>
      {error ? <p role="alert" className="notice notice-error">{error}</p> : null}
    </section>
  );
}
