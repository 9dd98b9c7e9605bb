/**
 * `npm run build:server`: compiles the server (server/src/main.ts) and the command-line entry
 * points (server/src/cli/*.ts) to JavaScript with esbuild, into server/dist/ and server/dist/cli/.
 *
 * One bundle per entry point: the workspaces (@parallele/core, scrapers, scenarios and what the
 * scenario runner imports from client/) are compiled in; packages of the root node_modules stay
 * external (native addons such as better-sqlite3 and resvg load as they do under tsx). A package
 * installed only inside a workspace (core/node_modules/…) is compiled in, since server/dist cannot
 * resolve it at run time.
 *
 * Paths: sources find their files relative to themselves (`new URL('../..', import.meta.url)`:
 * the repo root, the migrations, the scenarios, the bundled data). In a bundle, import.meta.url is
 * the bundle's, so each source's `import.meta.url` is rewritten to its own location relative to the
 * bundle: the compiled code reads the same files as the sources, and the tree can move.
 *
 * server/dist/inputs.json lists the compiled sources: server/bin/run.mjs falls back to tsx when
 * one of them is newer than the build.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'server/dist');
const CLI_DIR = join(ROOT, 'server/src/cli');
const ROOT_MODULES = join(ROOT, 'node_modules') + sep;

/** Bare imports: external when Node finds them from server/dist (the root node_modules), compiled in otherwise. */
const externals = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('@parallele/') || args.path.startsWith('node:')) return undefined;
      const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const nested = !resolved.path.startsWith(ROOT_MODULES) || resolved.path.slice(ROOT_MODULES.length).includes(`${sep}node_modules${sep}`);
      return nested ? resolved : { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` of a source → its own URL, computed from the bundle's (see the header). */
const ownUrl = (outdir) => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split(sep).join('/');
      const ext = extname(args.path).slice(1);
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: ext === 'mts' || ext === 'mjs' ? 'ts' : ext };
    });
  },
});

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  tsconfig: join(ROOT, 'tsconfig.json'),
};

/** Builds into `outdir` (server/dist; a test builds elsewhere inside the repo, where node_modules resolve). */
export async function buildServer({ outdir = DIST, quiet = false } = {}) {
  const started = performance.now();
  rmSync(outdir, { recursive: true, force: true });
  const cliEntries = readdirSync(CLI_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'common.ts');
  const results = await Promise.all([
    build({ ...common, entryPoints: [join(ROOT, 'server/src/main.ts')], outdir, plugins: [externals, ownUrl(outdir)] }),
    build({ ...common, entryPoints: cliEntries.map((f) => join(CLI_DIR, f)), outdir: join(outdir, 'cli'), plugins: [externals, ownUrl(join(outdir, 'cli'))] }),
  ]);
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((p) => !p.includes('node_modules/')).sort();
  writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!quiet) console.log(`Built ${relative(ROOT, outdir)} (main + ${cliEntries.length} CLIs: ${cliEntries.map((f) => f.replace('.ts', '')).join(', ')}) from ${inputs.length} sources in ${seconds} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
