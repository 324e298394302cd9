import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Linux's USER_HZ: /proc gives CPU times in these ticks (100 on every mainstream architecture). */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU seconds (user + system, every thread) in a process's stat fields: utime and stime. */
const cpuOf = (fields: string[]): number => (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;

/** CPU seconds a process has used so far; null where /proc has none. */
export function cpuSeconds(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? cpuOf(fields) : null;
}

/**
 * CPU seconds of a PostgreSQL server's processes — the postmaster (first line of its data
 * directory's postmaster.pid) and its children: backends, autovacuum, WAL writer — by pid, so that
 * a window can count only what each process used in it.
 */
export function postgresCpuByPid(clusterDir: string): Map<number, number> | null {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const fields = statFields(pid);
    if (fields && (pid === postmaster || Number(fields[1]) === postmaster)) cpu.set(pid, cpuOf(fields));
  }
  return cpu;
}

/** CPU used per request during a measured window: the server under load's and PostgreSQL's. */
export interface CpuPerRequest {
  serverMs: number | null;
  postgresMs: number | null;
}

/**
 * Starts a window over the server process and the PostgreSQL cluster (null: not measured, e.g. a
 * server named by DATABASE_URL); `end(requests)` gives the CPU per request. A PostgreSQL process that
 * exits inside the window takes its CPU with it (the pool's backends live on).
 */
export function cpuWindow(serverPid: number | undefined, clusterDir: string | null) {
  const server = serverPid ? cpuSeconds(serverPid) : null;
  const postgres = clusterDir ? postgresCpuByPid(clusterDir) : null;
  return {
    end(requests: number): CpuPerRequest {
      const perRequestMs = (seconds: number) => (seconds * 1000) / Math.max(requests, 1);
      const serverNow = serverPid ? cpuSeconds(serverPid) : null;
      const postgresNow = clusterDir ? postgresCpuByPid(clusterDir) : null;
      let postgresSeconds: number | null = null;
      if (postgres && postgresNow) {
        postgresSeconds = 0;
        for (const [pid, seconds] of postgresNow) postgresSeconds += seconds - (postgres.get(pid) ?? 0);
      }
      return {
        serverMs: server !== null && serverNow !== null ? perRequestMs(serverNow - server) : null,
        postgresMs: postgresSeconds === null ? null : perRequestMs(postgresSeconds),
      };
    },
  };
}
