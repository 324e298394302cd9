import { readFileSync } from 'node:fs';

/** A process's peak resident set size so far (Linux `VmHWM`), in MB; null where /proc has none. */
export function peakRssMb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
