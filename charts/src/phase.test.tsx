import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PhaseChart } from './phase';

const cells = [0, 10].flatMap((k) => [40, 60].map((share) => ({ k, share, outcome: (k > 0 && share > 50 ? 'adopté' : 'rejeté') as 'adopté' | 'rejeté' })));

describe('the phase chart legend', () => {
  it('writes each language’s typography: a space before the colon in French, none in English', () => {
    expect(renderToStaticMarkup(<PhaseChart cells={cells} officialOutcome="rejeté" />)).toContain('Officiel\u00a0: Rejeté');
    const en = renderToStaticMarkup(<PhaseChart cells={cells} officialOutcome="rejeté" locale="en" />);
    expect(en).toContain('Official: Rejected');
    expect(en).not.toMatch(/Official\s:/);
  });
});
