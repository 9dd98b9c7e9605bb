import { Route, Routes } from 'react-router';
import { Layout } from '../../../app/layout';
import { NotFound } from '../../../app/not-found';
import { addRoomsResources } from '../i18n';
import { CreateRoomPage } from './create-page';
import { FacilitatorPage } from './facilitator-page';
import { GuidePage } from './guide-page';
import { ParticipantPage } from './participant-page';
import { ProjectorPage } from './projector-page';
import { RecapPage } from './recap-page';
import '../rooms.css';

addRoomsResources();

/**
 * Every page of the rooms, mounted by the app under /salles/* (create, guide) and /salle/* (one
 * room). The projector and the phone screens are full-screen, outside the site's layout.
 */
export function RoomsRoutes() {
  return (
    <Routes>
      <Route path=":code/projection" element={<ProjectorPage />} />
      <Route path=":code" element={<ParticipantPage />} />
      <Route element={<Layout />}>
        <Route path="nouvelle" element={<CreateRoomPage />} />
        <Route path="guide" element={<GuidePage />} />
        <Route path=":code/animation" element={<FacilitatorPage />} />
        <Route path=":code/bilan" element={<RecapPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
