/**
 * Runs an entry point of the server: `node server/bin/run.mjs <entry> [args…]`, where <entry> is
 * `main` (the server, server/src/main.ts) or a command-line tool of server/src/cli/ (`leverage`,
 * `simulate`, `import`…). package.json's scripts all go through here.
 *
 * The compiled bundle (server/dist/, `npm run build`) runs when it is there and no source it was
 * built from changed since; otherwise the TypeScript sources run through tsx (slower to start,
 * always current). `--build` first rebuilds what is stale (client and server): `npm start`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'server/dist');

const argv = process.argv.slice(2);
const build = argv[0] === '--build';
const [entry, ...args] = build ? argv.slice(1) : argv;
if (!entry || !/^[a-z][a-z-]*$/.test(entry)) {
  console.error('usage: node server/bin/run.mjs [--build] <main|import|scrape|simulate|leverage|scenario|admin|verify-log|rake|council> [args…]');
  process.exit(2);
}
const compiled = join(DIST, entry === 'main' ? 'main.js' : `cli/${entry}.js`);
const source = join(ROOT, 'server/src', entry === 'main' ? 'main.ts' : `cli/${entry}.ts`);
if (!existsSync(source)) {
  console.error(`No entry point ${entry} (server/src/cli/${entry}.ts)`);
  process.exit(2);
}

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity; // a deleted source: the build is stale
  }
};

/** The bundle, if it exists and is newer than every source it was compiled from. */
function freshBundle() {
  if (!existsSync(compiled)) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(DIST, 'inputs.json'), 'utf8')).inputs;
  } catch {
    return false;
  }
  const builtAt = mtime(join(DIST, 'inputs.json'));
  return inputs.every((input) => mtime(join(ROOT, input)) <= builtAt);
}

/** Newest modification time of these files and of the files under these folders. */
function newest(paths) {
  let max = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) max = Math.max(max, stat.mtimeMs);
    else for (const name of readdirSync(path, { recursive: true })) if (!String(name).includes('node_modules')) max = Math.max(max, statSync(join(path, String(name))).mtimeMs);
  }
  return max;
}

async function buildStale() {
  const { spawnSync } = await import('node:child_process');
  const clientIndex = join(ROOT, 'client/dist/index.html');
  const clientSources = ['client/src', 'client/public', 'client/index.html', 'client/vite.config.ts', 'core/src', 'charts/src'].map((p) => join(ROOT, p));
  if (!existsSync(clientIndex) || newest(clientSources) > mtime(clientIndex)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['run', 'build', '-w', 'client'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) console.warn('Client build failed: serving the API only (npm run build:client shows why)');
  }
  if (!freshBundle()) {
    const { buildServer } = await import(pathToFileURL(join(ROOT, 'server/build.mjs')).href);
    await buildServer();
  }
}

if (build) await buildStale();
// commander and the entry points read process.argv as if they had been started directly.
const fresh = freshBundle();
process.argv = [process.argv[0], fresh ? compiled : source, ...args];
if (fresh) {
  await import(pathToFileURL(compiled).href);
} else {
  if (existsSync(compiled)) console.error(`note: server/dist is older than the sources: running ${entry} through tsx (npm run build refreshes it)`);
  const { register } = await import('tsx/esm/api');
  register();
  // `serve --workers N` forks this entry point again (node:cluster re-runs argv[1] with execArgv):
  // the workers need the same TypeScript loader
  process.execArgv = [...process.execArgv, '--import', import.meta.resolve('tsx')];
  await import(pathToFileURL(source).href);
}
