import type { Entry, ZipFile } from 'yauzl';

/** yauzl's callback API as promises: the next entry of a lazy-entries archive, one member's text. */
export function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** With decodeStrings off, yauzl hands the raw name: UTF-8 when flagged, else CP437 (ASCII here). */
export function memberName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  return typeof raw === 'string' ? raw : raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
}

/** One member, counted chunk by chunk: past a limit the stream is destroyed, never buffered whole. */
export function readEntry(zip: ZipFile, entry: Entry, count: (bytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        try {
          count(c.length);
          chunks.push(c);
        } catch (limit) {
          chunks.length = 0;
          stream.destroy();
          reject(limit as Error);
        }
      });
      stream.on('error', reject);
      stream.on('end', () => {
        try {
          resolve(Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  });
}
