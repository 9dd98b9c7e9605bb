import { describe, expect, it } from 'vitest';
import { builderParams, builderScenario, scenarioSchema } from '@parallele/core';
import { builderPath, builderStateOf, uidsOf } from './state';

describe('the builder state in the URL', () => {
  it('starts from the defaults: the 17th legislature, final votes on a law, K from 1 to 20, 50/50', () => {
    const { query } = builderStateOf(new URLSearchParams());
    expect(builderParams(query).toString()).toBe('leg=17&final=1&k=1-20&split=manual&w=50%2C50%2C0&mode=proportional&method=largest-remainder');
  });

  it('reads back what it writes, and the scenario it makes passes the scenario schema', () => {
    const params = new URLSearchParams('leg=16,17&type=SPS&final=1&from=2023-01-01&to=2024-12-31&q=retraites&gap=20&k=1-100:5&tk=10&split=manual&w=70,23,7&mode=proportional,added&method=dhondt&title=Test');
    const { query, errors } = builderStateOf(params);
    expect(errors).toEqual([]);
    expect(builderStateOf(new URLSearchParams(builderPath(query).split('?')[1])).query).toEqual(query);
    const scenario = scenarioSchema.parse(builderScenario(query));
    expect(scenario.scrutins).toMatchObject({ legislature: [16, 17], type: ['SPS'], finalLawVote: true, text: 'retraites', closeness: { maxGap: 20 } });
    expect(scenario.k).toEqual({ from: 1, to: 100, step: 5 });
    expect(scenario.split).toMatchObject({ source: 'fixed', pour: 70, contre: 23, abstention: 7 });
  });

  it('drops a bad parameter of a hand-edited link and says why', () => {
    const { query, errors } = builderStateOf(new URLSearchParams('leg=17&k=lots&w=1,2'));
    expect(query.leg).toEqual([17]);
    expect(query.k).toBeUndefined();
    expect(errors.join(' ')).toMatch(/^k:/);
  });

  it('reads a pasted list of uids', () => {
    expect(uidsOf('vtanr5l16v1240, VTANR5L17V519\nVTANR5L17V519')).toEqual(['VTANR5L16V1240', 'VTANR5L17V519']);
  });
});
