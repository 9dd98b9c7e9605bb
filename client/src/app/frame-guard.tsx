import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

const framed = () => {
  try {
    return globalThis.self !== globalThis.top;
  } catch {
    return true; // a cross-origin parent: reading top throws
  }
};

/**
 * Only the embed widget may live in another site's frame (issue 10, point 14). The server's
 * frame-ancestors guards a page's first load; this guards the pages reached by navigating INSIDE
 * the frame (the widget's "log in to vote" link), which never load a new document: framed, the
 * app offers to open the page in its own tab instead of showing a login form a parent page could
 * overlay.
 */
export function FrameGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!framed()) return children;
  const href = `${location.pathname}${location.search}${location.hash}`;
  return (
    <main className="embed" id="main" data-testid="frame-guard">
      <p>{t('common.framed')}</p>
      <p>
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('common.openInTab')}
        </a>
      </p>
    </main>
  );
}
