import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderInApp } from '../test-support/render';
import { FrameGuard } from './frame-guard';

/** Issue 10, point 14: inside another site's frame, only the embed widget shows; other pages offer a new tab. */
describe('the frame guard', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the page when it is not framed', async () => {
    await renderInApp(<FrameGuard><p>formulaire de connexion</p></FrameGuard>, { path: '/account' });
    expect(screen.getByText('formulaire de connexion')).toBeTruthy();
  });

  it('offers a new tab instead of the page inside a frame', async () => {
    vi.stubGlobal('top', {});
    await renderInApp(<FrameGuard><p>formulaire de connexion</p></FrameGuard>, { path: '/account?next=%2Fscrutins' });
    expect(screen.queryByText('formulaire de connexion')).toBeNull();
    const link = screen.getByRole('link', { name: 'L’ouvrir dans un nouvel onglet' });
    expect(link.getAttribute('href')).toBe('/account?next=%2Fscrutins');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
