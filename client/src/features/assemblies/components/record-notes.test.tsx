import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { qualityWarnings, unattributedGroup } from '@parallele/core';
import { renderInApp } from '../../../test-support/render';
import { realScrutin } from '../../../test-support/real-data';
import { RecordNotes } from './record-notes';
import { assembliesEn, assembliesFr } from '../i18n';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('data-quality notes on a scrutin (issue 15)', () => {
  afterEach(cleanup);

  it('say how many votes no group accounts for, with French plural and typography', async () => {
    // the real confidence vote of 8 Sept 2025, with its 12 contre of one group taken out of the breakdown
    const s = realScrutin('VTANR5L17V3054');
    const warnings = qualityWarnings({ groups: [...s.groups, unattributedGroup({ pour: 0, contre: 12, abstentions: 0 })] });
    await renderInApp(<RecordNotes s={{ warnings }} />);
    const note = screen.getByTestId('quality-warnings').textContent!;
    expect(note).toContain('12 votes (0 pour, 12 contre, 0 abstentions) ne sont attribués à aucun groupe');
    expect(note).toContain('«\u202fnon attribués\u202f»');
  });

  it('show nothing on a record without warnings', async () => {
    await renderInApp(<RecordNotes s={realScrutin('VTANR5L17V3054')} />);
    expect(screen.queryByTestId('quality-warnings')).toBeNull();
  });

  it('have the same keys in French and English', () => {
    expect(keys(assembliesEn as Tree).sort()).toEqual(keys(assembliesFr as Tree).sort());
  });
});
