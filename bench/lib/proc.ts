/**
 * Memory and CPU of the processes under test, read from /proc (Linux only; elsewhere every figure is NaN). Reading
 * /proc directly needs no dependency and sees exactly the pids we name, not a machine-wide average that would include
 * another copy of the app running beside us.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** clock ticks per second for utime/stime; 100 on every Linux build we run on (getconf CLK_TCK). */
const CLK_TCK = 100;

/** Resident set size in MiB from /proc/<pid>/status (VmRSS), NaN when the process is gone. */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function totalRssMiB(pids: number[]): number {
  const v = pids.map(rssMiB).filter(Number.isFinite);
  return v.length ? v.reduce((a, b) => a + b, 0) : NaN;
}

interface Stat { pid: number; ppid: number; pgrp: number; comm: string; cpuTicks: number }

/** Fields after the last ')' so that a comm with spaces or parentheses cannot shift them. */
function readStat(pid: number): Stat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = raw.lastIndexOf(')');
    const comm = raw.slice(raw.indexOf('(') + 1, close);
    const f = raw.slice(close + 2).split(' '); // f[0] is field 3 (state)
    return { pid, ppid: Number(f[1]), pgrp: Number(f[2]), comm, cpuTicks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

function allStats(): Stat[] {
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  return names.filter((n) => /^\d+$/.test(n)).map((n) => readStat(Number(n))).filter((s): s is Stat => s !== null);
}

/** Every process of a process group: the Temporal dev server runs as `flock … temporal` in a group of its own. */
export function groupPids(pgid: number | undefined): number[] {
  if (!pgid) return [];
  return allStats().filter((s) => s.pgrp === pgid).map((s) => s.pid);
}

/** The postmaster of a cluster directory and its backends, so another cluster on the machine is not counted. */
export function postgresPids(pgDir: string | undefined): number[] {
  if (!pgDir) return [];
  let master = 0;
  try {
    master = Number(readFileSync(`${pgDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  return [master, ...allStats().filter((s) => s.ppid === master).map((s) => s.pid)];
}

/** A named set of pids, re-resolved on each reading: Postgres starts a backend per new connection. */
export type ProcSet = Record<string, () => number[]>;

/**
 * CPU used by each set between start() and stop(), as a share of one core (100 % = one core busy; this machine has
 * two), plus `other`: the rest of the machine. Backends that exit in between lose their ticks (they then count as
 * `other`); our pools keep theirs open.
 */
/** Busy ticks of the whole machine (all cores) from /proc/stat: user, nice, system, irq, softirq, steal. */
function machineBusyTicks(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
  } catch {
    return NaN;
  }
}

export function cpuMeter(sets: ProcSet) {
  const ticks = () => {
    const byPid = new Map(allStats().map((s) => [s.pid, s.cpuTicks]));
    return Object.fromEntries(Object.entries(sets).map(([k, f]) => [k, new Map(f().map((p) => [p, byPid.get(p) ?? 0]))]));
  };
  let t0 = 0;
  let before: Record<string, Map<number, number>> = {};
  let machine0 = 0;
  return {
    start() {
      t0 = performance.now();
      before = ticks();
      machine0 = machineBusyTicks();
    },
    stop(): Record<string, number> {
      const secs = (performance.now() - t0) / 1000;
      const after = ticks();
      const out: Record<string, number> = {};
      for (const [k, m] of Object.entries(after)) {
        let used = 0;
        for (const [pid, t] of m) used += t - (before[k]?.get(pid) ?? 0);
        out[k] = secs > 0 ? (100 * used) / CLK_TCK / secs : NaN;
      }
      // Everything else on the machine (another copy of the app, its tests, the kernel): a run with a busy neighbour
      // measures less than this setup can do, and this column shows it.
      const machine = (100 * (machineBusyTicks() - machine0)) / CLK_TCK / secs;
      out.other = machine - Object.values(out).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
      return out;
    },
  };
}
