/** The simulation module's public entry: what boot and other modules may use. */
export { createSimulationService, guarded, type SimulationService } from './service';
export { loadLegislature, watchStoreVersion } from './repository';
export { curveOf, leverageOf, simulationOf } from './service';
export { loadScrutin, readScrutinsFromSource } from './repository';
