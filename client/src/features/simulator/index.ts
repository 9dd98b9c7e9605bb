/** The simulator feature's public entry: what other features may use (the panel, the computations, the permalink settings). */
export { SimulatorPanel } from './components/simulator-panel';
export * from './compute';
export * from './store';
