import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOfficialSource, type SourceItem } from './official-source';

/** Issue 10, points 3 and 12: hostile archives cost a named error for the bad member, nothing more. */
const L16 = fileURLToPath(new URL('../../../data/opendata/scrutins/VTANR5L16-samples.ndjson.gz', import.meta.url));
const [good, other] = gunzipSync(readFileSync(L16)).toString('utf8').split('\n').filter(Boolean) as [string, string];
const MiB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zip(name: string, files: Record<string, string>): string {
  const path = join(dir, name);
  writeFileSync(path, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 6 }));
  return path;
}

async function read(path: string, limits?: Parameters<typeof readOfficialSource>[1] extends infer O ? (O extends { limits?: infer L } ? L : never) : never) {
  const out: SourceItem[] = [];
  for await (const item of readOfficialSource(path, { tolerant: true, limits })) out.push(item);
  return { errors: out.filter((i) => i.error).map((i) => i.error!.message), ok: out.filter((i) => !i.error).map((i) => i.location) };
}

describe('archive limits', () => {
  it('names a zip-bomb member (ratio far above any real archive) and still reads the good one', async () => {
    const bomb = `{"scrutin": {"titre": "${' '.repeat(4)}"}${' '.repeat(40 * MiB)}}`;
    const path = zip('bomb.zip', { 'json/bomb.json': bomb, 'json/good.json': good });
    expect(readFileSync(path).length).toBeLessThan(200_000);
    const { errors, ok } = await read(path);
    expect(errors).toEqual([expect.stringMatching(/bomb\.zip!json\/bomb\.json: member skipped: compression ratio above 100:1/)]);
    expect(ok).toEqual([`${path}!json/good.json`]);
  });

  it('skips a member past the member size and stops at the total size or the entry count', async () => {
    const path = zip('sizes.zip', { 'a.json': good, 'b.json': other, 'c.json': good });
    const small = Math.min(good.length, other.length) - 1;
    const sized = await read(path, { maxMemberBytes: small });
    expect(sized.ok).toEqual([]);
    expect(sized.errors).toEqual(['a.json', 'b.json', 'c.json'].map((m) => expect.stringContaining(`${m}: member skipped: it declares`)));
    const total = await read(path, { maxTotalBytes: good.length + 10 });
    expect(total.ok).toEqual([`${path}!a.json`]);
    expect(total.errors[0]).toMatch(/maxTotalBytes/);
    const entries = await read(path, { maxEntries: 2 });
    expect(entries.ok).toHaveLength(2);
    expect(entries.errors).toEqual([expect.stringMatching(/more than 2 members \(maxEntries\)/)]);
  });

  it('skips only the member whose name climbs out of the archive', async () => {
    const path = zip('slip.zip', { '../evil.json': good, 'json/good.json': other });
    const { errors, ok } = await read(path);
    expect(errors).toEqual([expect.stringMatching(/slip\.zip!\.\.\/evil\.json: member skipped: `\.\.`/)]);
    expect(ok).toEqual([`${path}!json/good.json`]);
  });

  it('refuses a record nested 100,000 levels deep or with a 10 MB title, and reads the one beside it', async () => {
    const deep = `{"scrutin": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const huge = good.replace(/"titre":\s*"/, `"titre": "${'x'.repeat(10 * MiB)}`);
    const path = join(dir, 'hostile.ndjson.gz');
    writeFileSync(path, gzipSync([deep, huge, other].join('\n')));
    // (10 MB of one letter compresses 1000:1: the ratio limit is lifted to reach the record check)
    const { errors, ok } = await read(path, { maxRatio: 1e6 });
    expect(errors).toEqual([
      expect.stringMatching(/hostile\.ndjson\.gz:1: record refused: nested deeper than 64 levels/),
      expect.stringMatching(/hostile\.ndjson\.gz:2: record refused: a string of 104\d{5} characters/),
    ]);
    expect(ok).toEqual([`${path}:3`]);
  });

  it('skips a bundle line longer than a member may be, and goes on with the next line', async () => {
    const path = join(dir, 'long.ndjson.gz');
    writeFileSync(path, gzipSync([good, `{"x": "${'y'.repeat(3 * MiB)}"}`, other].join('\n')));
    const { errors, ok } = await read(path, { maxMemberBytes: MiB, maxRatio: 10_000 });
    expect(errors).toEqual([expect.stringMatching(/long\.ndjson\.gz:2: line longer than 1048576 bytes/)]);
    expect(ok).toEqual([`${path}:1`, `${path}:3`]);
  });
});
