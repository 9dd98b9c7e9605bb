import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromParams, settingsToParams } from '../simulator';

describe('the simulator permalink with the redressé source', () => {
  it('round-trips source=redresse and keeps the default source out of the URL', () => {
    const s = settingsFromParams(new URLSearchParams('k=12&source=redresse'));
    expect(s.source).toBe('redresse');
    expect(settingsToParams(s).get('source')).toBe('redresse');
    expect(settingsToParams(DEFAULT_SETTINGS).has('source')).toBe(false);
  });
});
