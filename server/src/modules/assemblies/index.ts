/** The assemblies module's public entry (issue 15): what `npm start` imports besides the AN data. */
export { BUNDLED_COUNCIL, importBundledAssembliesIfMissing } from './bundled';
