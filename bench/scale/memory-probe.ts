import { writeFileSync } from 'node:fs';

/**
 * Preloaded into the server by the scale bench (`--expose-gc --import memory-probe.ts`): on
 * SIGUSR2 it collects garbage and writes process.memoryUsage() to BENCH_MEMORY_FILE, so the bench
 * reads the heap of the server from outside, without an endpoint in the app.
 */
const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
