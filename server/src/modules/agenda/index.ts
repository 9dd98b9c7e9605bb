/** The agenda module's public entry: what boot, the importer and other modules may use. */
import type { Db } from '../../db/client';
import { agendaRepository } from './repository';

export { createAgendaService, type AgendaService } from './service';
export { createAgendaCollector, type AgendaCollector } from './agenda-import';

/** How many séances and points the store holds (the importer fills an agenda-less store at start). */
export const agendaCounts = (db: Db): Promise<{ sittings: number; points: number }> => agendaRepository(db).counts();
