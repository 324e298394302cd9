/** One JSON log line as pino writes it. */
export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export const LEVEL = { info: 30, warn: 40, error: 50 } as const;

/** A pino destination that keeps what is written, for tests to read. */
export class LogCapture {
  private all = '';
  private since = 0;

  write(chunk: string): void {
    this.all += chunk;
  }

  /** Everything written since the capture began, exactly as it would reach stdout. */
  everything(): string {
    return this.all;
  }

  /** What was written since the last `mark()`. */
  recent(): string {
    return this.all.slice(this.since);
  }

  entries(): LogEntry[] {
    return this.recent()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogEntry);
  }

  /** Starts a new window for `recent()` and `entries()`. */
  mark(): void {
    this.since = this.all.length;
  }
}
