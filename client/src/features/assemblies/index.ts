/** The assemblies feature's public entry (issue 15): what other features may use. The elections page is loaded lazily by the router. */
export { AssemblySwitch, LEGISLATURES } from './components/assembly-switch';
export { RecordNotes } from './components/record-notes';
export { SourceLink } from './components/source-link';
