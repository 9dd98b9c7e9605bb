import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSEMBLY_IDS, type AssemblyId } from '@parallele/core';

/** Which assembly's votes the list shows: Assemblée nationale (default) or European Parliament. */
export function AssemblySwitch({ value, onChange }: { value: string | null; onChange: (assembly: AssemblyId) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const current: AssemblyId = value === 'ep' || value === 'council' ? value : 'an';
  return (
    <div className="field">
      <label htmlFor={id}>{t('assemblies.assembly.label')}</label>
      <select id={id} data-testid="assembly-switch" value={current} onChange={(e) => onChange(e.target.value as AssemblyId)}>
        {ASSEMBLY_IDS.map((a) => (
          <option key={a} value={a}>
            {t(`assemblies.assembly.${a}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The legislatures (terms) of each assembly present in the bundled data. */
export const LEGISLATURES: Record<AssemblyId, number[]> = { an: [17, 16], ep: [10], council: [] };
