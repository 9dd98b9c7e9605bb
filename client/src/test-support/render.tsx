import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import i18next from 'i18next';
import { initI18n } from '../i18n';

/** Renders inside a router at `path`, with the app's i18n in `lang` (French by default). */
export async function renderInApp(ui: ReactElement, { path = '/', lang = 'fr' }: { path?: string; lang?: 'fr' | 'en' } = {}) {
  initI18n('fr');
  await i18next.changeLanguage(lang);
  return render(<MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>);
}
