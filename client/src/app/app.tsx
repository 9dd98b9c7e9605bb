import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './layout';
import { Loading } from '../components/status';
import { NotFound } from './not-found';
import { EmailLinkLanding } from '../features/account/components/email-link';

// Every page is its own chunk: the first load carries the shell only.
const HomePage = lazy(() => import('../features/home/components/home-page').then((m) => ({ default: m.HomePage })));
const ScrutinListPage = lazy(() => import('../features/scrutins/components/scrutin-list-page').then((m) => ({ default: m.ScrutinListPage })));
const ScrutinPage = lazy(() => import('../features/scrutins/components/scrutin-page').then((m) => ({ default: m.ScrutinPage })));
const LegislaturePage = lazy(() => import('../features/legislature/components/legislature-page').then((m) => ({ default: m.LegislaturePage })));
const AccountPage = lazy(() => import('../features/account/components/account-page').then((m) => ({ default: m.AccountPage })));
const PasswordResetPage = lazy(() => import('../features/account/components/password-reset-page').then((m) => ({ default: m.PasswordResetPage })));
const ScenarioGalleryPage = lazy(() => import('../features/scenarios/components/scenario-gallery-page').then((m) => ({ default: m.ScenarioGalleryPage })));
const EmbedPage = lazy(() => import('../features/embed/components/embed-page').then((m) => ({ default: m.EmbedPage })));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/embed/scrutin/:uid" element={<EmbedPage />} />
        <Route element={<Layout />}>
          {/* the mailed verification link lands on /?emailVerification=…: on to the account page */}
          <Route index element={<EmailLinkLanding><HomePage /></EmailLinkLanding>} />
          <Route path="scrutins" element={<ScrutinListPage />} />
          <Route path="scrutins/:uid" element={<ScrutinPage />} />
          <Route path="legislature" element={<Navigate to="/legislature/17" replace />} />
          <Route path="legislature/:n" element={<LegislaturePage />} />
          {/* the scenario runner links to /legislatures/:n */}
          <Route path="legislatures/:n" element={<LegislaturePage />} />
          <Route path="account/*" element={<AccountPage />} />
          {/* the URLs the server puts in its mails (reset link, "you already have an account") */}
          <Route path="reinitialiser" element={<PasswordResetPage />} />
          <Route path="account/reset" element={<PasswordResetPage />} />
          <Route path="connexion" element={<Navigate to="/account" replace />} />
          <Route path="scenarios" element={<ScenarioGalleryPage />} />
          {/* a scenario's own link (its Open Graph preview): the gallery, scrolled to it */}
          <Route path="scenarios/:name" element={<ScenarioGalleryPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
