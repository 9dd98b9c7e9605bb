import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/**
 * What the scale bench reads from Linux's /proc about the processes it started (and PostgreSQL's):
 * CPU time, so that a figure measured on a shared 2-core machine carries to another machine;
 * RSS; and the machine itself.
 */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface Stat {
  pid: number;
  ppid: number;
  comm: string;
  cpuMs: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces: the fields after the last ')' are positional.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return { pid, ppid: Number(fields[1]), comm: text.slice(text.indexOf('(') + 1, close), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined; // gone meanwhile
  }
}

const allStats = (): Stat[] =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => stat(Number(name)))
    .filter((s): s is Stat => s !== undefined);

/** user + system CPU (ms) of a process and all its descendants (a cluster primary and its workers). */
export function treeCpuMs(root: number): number {
  const stats = allStats();
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats) {
      if (inTree.has(s.pid) || !inTree.has(s.ppid)) continue;
      inTree.add(s.pid);
      grew = true;
    }
  }
  return stats.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.cpuMs, 0);
}

/** CPU (ms) of each of these processes (one gone meanwhile counts 0). */
export const cpuByPid = (pids: number[]): Map<number, number> => new Map(pids.map((pid) => [pid, stat(pid)?.cpuMs ?? 0]));

/** Resident set size (bytes) of one process. */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** The soft limit on open files of a process. */
export function fileLimit(pid: number): number {
  const match = /Max open files\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return match ? Number(match[1]) : 0;
}

/**
 * Raises a process's open-file limit (soft and hard) with util-linux's prlimit: as root any value
 * up to fs.nr_open, otherwise up to the hard limit. Returns the limit in force afterwards.
 */
export function raiseFileLimit(pid: number, wanted: number): number {
  for (const limit of [`${wanted}:${wanted}`, `${wanted}`]) {
    try {
      execFileSync('prlimit', ['--pid', String(pid), `--nofile=${limit}`], { stdio: 'ignore' });
      break;
    } catch {
      // not root, or beyond fs.nr_open: try the soft limit alone
    }
  }
  return fileLimit(pid);
}

export const machine = () => ({
  cores: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryBytes: totalmem(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
});
