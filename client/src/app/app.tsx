import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './layout';
import { FrameGuard } from './frame-guard';
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
// issue 16
const PlatformRepresentativityPage = lazy(() => import('../features/reweighting/components/platform-representativity-page').then((m) => ({ default: m.PlatformRepresentativityPage })));
// Workshop rooms (issue 12): their own routes under /salles/* and /salle/*.
const RoomsRoutes = lazy(() => import('../features/rooms/components/rooms-routes').then((m) => ({ default: m.RoomsRoutes })));
const BuilderPage = lazy(() => import('../features/builder/components/builder-page').then((m) => ({ default: m.BuilderPage })));
const CouncilAdminPage = lazy(() => import('../features/assemblies/components/council-admin-page').then((m) => ({ default: m.CouncilAdminPage })));
const ElectionsPage = lazy(() => import('../features/assemblies/components/elections-page').then((m) => ({ default: m.ElectionsPage })));
// issue 13: agenda, record, agreement
const AgendaPage = lazy(() => import('../features/agenda/components/agenda-page').then((m) => ({ default: m.AgendaPage })));
const RecordPage = lazy(() => import('../features/agenda/components/record-page').then((m) => ({ default: m.RecordPage })));
const AgreementPage = lazy(() => import('../features/agenda/components/agreement-page').then((m) => ({ default: m.AgreementPage })));
const SharedAgreementPage = lazy(() => import('../features/agenda/components/agreement-page').then((m) => ({ default: m.SharedAgreementPage })));
// issue 14: costs and capacity
const CapacityPage = lazy(() => import('../features/capacity/components/capacity-page').then((m) => ({ default: m.CapacityPage })));
const EmbedPage = lazy(() => import('../features/embed/components/embed-page').then((m) => ({ default: m.EmbedPage })));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/embed/scrutin/:uid" element={<EmbedPage />} />
        <Route path="/salles/*" element={<RoomsRoutes />} />
        <Route path="/salle/*" element={<RoomsRoutes />} />
        <Route element={<FrameGuard><Layout /></FrameGuard>}>
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
          <Route path="representativite" element={<PlatformRepresentativityPage />} />
          <Route path="scenarios/builder" element={<BuilderPage />} />
          <Route path="elections/:id?" element={<ElectionsPage />} /> {/* issue 15 */}
          <Route path="admin/conseils" element={<CouncilAdminPage />} /> {/* issue 15 */}
          <Route path="agenda" element={<AgendaPage />} />
          <Route path="bilan/:n" element={<RecordPage />} />
          <Route path="qui-vote-comme-moi" element={<AgreementPage />} />
          <Route path="partage/:token" element={<SharedAgreementPage />} />
          <Route path="couts-et-capacite" element={<CapacityPage />} /> {/* issue 14 */}
          {/* a scenario's own link (its Open Graph preview): the gallery, scrolled to it */}
          <Route path="scenarios/:name" element={<ScenarioGalleryPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
