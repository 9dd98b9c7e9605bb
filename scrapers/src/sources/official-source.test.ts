import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOfficialSource, SourceReadError, type SourceItem } from './official-source';

const DATA = fileURLToPath(new URL('../../../data/opendata/', import.meta.url));
const L17 = join(DATA, 'scrutins/VTANR5L17V1-3876.ndjson.gz');
const L16 = join(DATA, 'scrutins/VTANR5L16-samples.ndjson.gz');
const CONGRES = join(DATA, 'scrutins/VTCGR5L16V1.json');
const realLines = gunzipSync(readFileSync(L16)).toString('utf8').split('\n').filter(Boolean);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'official-source-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(path: string): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readOfficialSource(path, { tolerant: true })) out.push(item);
  return out;
}

async function firstError(path: string): Promise<SourceReadError> {
  try {
    for await (const _ of readOfficialSource(path)) void _;
  } catch (e) {
    expect(e).toBeInstanceOf(SourceReadError);
    return e as SourceReadError;
  }
  throw new Error(`expected ${path} to fail`);
}

const uidOf = (item: SourceItem) => (item.json as { scrutin: { uid: string } }).scrutin.uid;

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('readOfficialSource on the bundled files', () => {
  it('streams the whole L17 bundle, one scrutin per line, in numero order', async () => {
    let n = 0;
    for await (const item of readOfficialSource(L17)) {
      n++;
      expect(item.location).toBe(`${L17}:${n}`);
      expect(uidOf(item)).toBe(`VTANR5L17V${n}`);
    }
    expect(n).toBe(3876);
  });

  it('reads a single .json file', async () => {
    const items = await collect(CONGRES);
    expect(items.map(uidOf)).toEqual(['VTCGR5L16V1']);
    expect(items[0]).toMatchObject({ name: 'VTCGR5L16V1.json', location: CONGRES });
  });

  it('searches a folder recursively: bundles, json files and zips, ignoring other files', async () => {
    const root = join(dir, 'tree');
    mkdirSync(join(root, 'organes/L17'), { recursive: true });
    mkdirSync(join(root, 'scrutins'), { recursive: true });
    copyFileSync(join(DATA, 'organes/L17/PO845401.json'), join(root, 'organes/L17/PO845401.json'));
    copyFileSync(join(DATA, 'organes/MANIFEST.csv'), join(root, 'organes/MANIFEST.csv'));
    copyFileSync(L16, join(root, 'scrutins/l16.ndjson.gz'));
    writeFileSync(join(root, 'scrutins/two.zip'), zipSync({ 'json/a.json': strToU8(realLines[0]!), 'json/b.json': strToU8(realLines[1]!) }));
    const items = await collect(root);
    expect(items.filter((i) => i.error)).toEqual([]);
    expect(items).toHaveLength(1 + 192 + 2);
    expect(items[0]).toMatchObject({ name: 'PO845401.json', location: join(root, 'organes/L17/PO845401.json') });
    expect(items.at(-1)!.location).toBe(`${join(root, 'scrutins/two.zip')}!json/b.json`);
  });

  it('reads the whole bundled data folder without an error', async () => {
    const items = await collect(DATA);
    expect(items.filter((i) => i.error)).toEqual([]);
    expect(items.length).toBeGreaterThan(3876 + 192 + 1 + 1200 + 27);
  });
});

describe('readOfficialSource on zip archives', () => {
  it('reads every JSON member, named by archive and member', async () => {
    const zip = write(
      'Scrutins.json.zip',
      zipSync({ json: {}, 'json/VTANR5L16V1.json': strToU8(realLines[0]!), 'json/VTANR5L16V2.json': strToU8(realLines[1]!) }),
    );
    const items = await collect(zip);
    expect(items.map((i) => [i.name, i.location])).toEqual([
      ['VTANR5L16V1.json', `${zip}!json/VTANR5L16V1.json`],
      ['VTANR5L16V2.json', `${zip}!json/VTANR5L16V2.json`],
    ]);
    expect(items.map(uidOf)).toEqual([JSON.parse(realLines[0]!).scrutin.uid, JSON.parse(realLines[1]!).scrutin.uid]);
  });

  it('splits an aggregate export document into one item per record', async () => {
    const scrutins = realLines.slice(0, 3).map((l) => JSON.parse(l).scrutin);
    const file = write('Scrutins_XVI.json', JSON.stringify({ scrutins: { scrutin: scrutins } }));
    const items = await collect(file);
    expect(items.map((i) => i.location)).toEqual([0, 1, 2].map((i) => `${file}#scrutins.scrutin[${i}]`));
    expect(items.map(uidOf)).toEqual(scrutins.map((s) => s.uid));
  });

  it('rejects a non-JSON member, naming it', async () => {
    const zip = write('mixed.zip', zipSync({ 'json/a.json': strToU8(realLines[0]!), 'LISEZMOI.txt': strToU8('bonjour') }));
    const err = await firstError(zip);
    expect(err.message).toBe(`${zip}!LISEZMOI.txt: not a JSON member: an official AN archive holds only .json files`);
    const items = await collect(zip);
    expect(items.map((i) => Boolean(i.error))).toEqual([false, true]);
  });

  it('rejects a .json member that is not JSON, and a file that is not a zip', async () => {
    const zip = write('bad-member.zip', zipSync({ 'json/a.json': strToU8('{"scrutin": ') }));
    expect((await firstError(zip)).message).toMatch(new RegExp(`^${escape(zip)}!json/a\\.json: not JSON \\(`));
    const fake = write('fake.zip', 'PK but not really a zip archive');
    expect((await firstError(fake)).message).toMatch(new RegExp(`^${escape(fake)}: not a readable zip archive: `));
  });
});

describe('readOfficialSource on malformed input', () => {
  it('reports a truncated gzip with the file and the last good line, after the lines before it', async () => {
    const whole = readFileSync(L16);
    const cut = write('truncated.ndjson.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const err = await firstError(cut);
    expect(err.message).toMatch(new RegExp(`^${escape(cut)}: truncated or corrupt gzip after line \\d+: unexpected end of file`));
    const items = await collect(cut);
    const good = items.filter((i) => !i.error);
    expect(good.length).toBeGreaterThan(10);
    expect(good.map(uidOf)).toEqual(realLines.slice(0, good.length).map((l) => JSON.parse(l).scrutin.uid));
    expect(items.at(-1)!.error?.message).toContain(`after line ${good.length}`);
  });

  it('reports a line that is not JSON by file and line, and goes on in tolerant mode', async () => {
    const bundle = write('bad-line.ndjson.gz', gzipSync([realLines[0], '{"scrutin": {"uid": "VTANR5L16V', realLines[2]].join('\n')));
    const err = await firstError(bundle);
    expect(err.location).toBe(`${bundle}:2`);
    expect(err.message).toMatch(new RegExp(`^${escape(bundle)}:2: not JSON \\(`));
    const items = await collect(bundle);
    expect(items.map((i) => (i.error ? 'error' : uidOf(i)))).toEqual([JSON.parse(realLines[0]!).scrutin.uid, 'error', JSON.parse(realLines[2]!).scrutin.uid]);
  });

  it('reports empty files and bundles', async () => {
    for (const name of ['empty.json', 'empty.ndjson.gz', 'empty.zip']) {
      const path = write(name, '');
      expect((await firstError(path)).message).toBe(`${path}: empty file`);
    }
    const noLine = write('no-line.ndjson.gz', gzipSync('\n\n'));
    expect((await firstError(noLine)).message).toBe(`${noLine}: empty bundle: the gzip holds no line`);
    const emptyZip = write('nothing.zip', zipSync({}));
    expect((await firstError(emptyZip)).message).toBe(`${emptyZip}: empty zip archive: no member`);
  });

  it('reports a missing path, an unsupported file and an empty folder', async () => {
    const missing = join(dir, 'nope.ndjson.gz');
    expect((await firstError(missing)).message).toBe(`${missing}: no such file or folder`);
    const csv = write('x.csv', 'a,b');
    expect((await firstError(csv)).message).toMatch(/unsupported file: expected a \.json, \.ndjson, \.ndjson\.gz or \.zip file, or a folder/);
    const empty = join(dir, 'empty-folder');
    mkdirSync(empty);
    expect((await firstError(empty)).message).toBe(`${empty}: no official file (.json, .ndjson, .ndjson.gz, .zip) in this folder`);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
