import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { Loading } from '../components/status';
import { useAccountStore } from '../features/account/store';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'fr' : 'en';
  return (
    // named by its visible text (axe label-content-name-mismatch); the title says what it does
    <button type="button" className="lang-switch" lang={next} onClick={() => setLanguage(next)} title={`${t('app.language')} : ${t('app.switchTo')}`}>
      {next.toUpperCase()}
      <span className="lang-switch-long"> · {t('app.switchTo')}</span>
    </button>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const me = useAccountStore((s) => s.me);
  const loadMe = useAccountStore((s) => s.load);
  useEffect(() => {
    void loadMe();
  }, [loadMe]);
  // Move focus to the page on navigation so keyboard and screen-reader users start at the top.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <svg width="34" height="20" viewBox="0 0 34 20" aria-hidden="true">
              <path d="M2 19a15 15 0 0 1 30 0" fill="none" stroke="currentColor" strokeWidth="3.5" />
              <path d="M10 19a7 7 0 0 1 14 0" fill="none" stroke="#c8102e" strokeWidth="3.5" />
            </svg>
            <span className="brand-name">{t('app.name')}</span>{' '}
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <nav aria-label={t('app.menu')} className="site-nav">
            <NavLink to="/agenda">{t('agenda.nav')}</NavLink>
            <NavLink to="/scrutins">{t('app.nav.scrutins')}</NavLink>
            <NavLink to="/legislature/17">{t('app.nav.legislature')}</NavLink>
            <NavLink to="/scenarios">{t('app.nav.scenarios')}</NavLink>
            <NavLink to="/salles/nouvelle">{t('app.nav.salles')}</NavLink>
            <NavLink to="/elections">{t('assemblies.nav.elections')}</NavLink>
            {me?.role === 'admin' ? <NavLink to="/admin/conseils">{t('assemblies.nav.councilAdmin')}</NavLink> : null} {/* issue 15 */}
            <NavLink to="/account">{me ? me.email.split('@')[0] : t('app.nav.account')}</NavLink>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
        <p>
          <Link to="/couts-et-capacite">{t('capacity.nav')}</Link>
        </p>
      </footer>
    </div>
  );
}
