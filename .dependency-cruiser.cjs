/**
 * The boundaries of the tree, checked by `npm run lint` (dependency-cruiser, type-only imports
 * included: a circle of types is still a circle a reader has to untangle).
 * See docs/architecture.md for the arrows these rules keep true.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-imports-the-client',
      severity: 'error',
      comment: 'client/ is an application, not a library: shared UI lives in charts/ (see docs/architecture.md).',
      from: { pathNot: '^client/' },
      to: { path: '^client/' },
    },
    {
      name: 'server-module-internals',
      severity: 'error',
      comment: 'A server module talks to another through its public entry (modules/<m>/index.ts), never its internals.',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/[^/]+/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'server-edge-uses-module-entries',
      severity: 'error',
      comment: 'The HTTP edge and the socket layer use modules through their public entry (modules/<m>/index.ts).',
      from: { path: '^server/src/(http|socket)/' },
      to: { path: '^server/src/modules/[^/]+/', pathNot: '^server/src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'client-feature-internals',
      severity: 'error',
      comment: 'A client feature does not import another feature: share through components/, lib/ or core.',
      from: { path: '^client/src/features/([^/]+)/' },
      to: { path: '^client/src/features/[^/]+/', pathNot: ['^client/src/features/$1/', '^client/src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core/ imports no other workspace.',
      from: { path: '^core/' },
      to: { path: '^(server|client|scrapers|scenarios|charts|bench)/' },
    },
    {
      name: 'scrapers-only-core',
      severity: 'error',
      comment: 'scrapers/ depend on core only.',
      from: { path: '^scrapers/' },
      to: { path: '^(server|client|scenarios|charts|bench)/' },
    },
    {
      name: 'nothing-imports-the-server',
      severity: 'error',
      comment: 'The server is a top: only bench/ (measurements) may import it.',
      from: { path: '^(core|client|scrapers|scenarios|charts)/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-test-[^/]+|out|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    cache: false,
  },
};
