import path from 'node:path';
import { MultiBar, type SingleBar } from 'cli-progress';
import type { IngestProgress } from './ingestProgress.js';

/** Shows how far a run is: a bar on a terminal, a log line every few seconds elsewhere. */
export interface ProgressReporter {
  update(progress: IngestProgress): void;
  /** Prints a line (a bad record, a warning) without breaking the bar. */
  log(line: string): void;
  /** Ends the last stage's bar or prints its last line. */
  stop(): void;
}

export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressReporterOptions {
  /** Between two log lines when the output is not a terminal (default 5000 ms). */
  readonly intervalMs?: number;
  /** The clock, for rates; default performance.now. */
  readonly now?: () => number;
}

/**
 * A terminal gets a cli-progress bar per stage and file; a pipe or a log file gets a line
 * such as "items 4000/9742 (410/s) movies.csv" at most every `intervalMs`, and a last line
 * when a stage ends, so that a CI log shows progress without megabytes of redraws.
 */
export function createProgressReporter(output: ProgressOutput, options: ProgressReporterOptions = {}): ProgressReporter {
  return output.isTTY === true ? barReporter(output) : lineReporter(output, options);
}

function label(progress: IngestProgress): string {
  return `${progress.stage} ${path.basename(progress.file)}`;
}

function barReporter(output: ProgressOutput): ProgressReporter {
  const bars = new MultiBar(
    {
      stream: output as NodeJS.WritableStream,
      format: '{label} |{bar}| {value}/{total} {percentage}% | {rate}/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
  );
  let current: { key: string; bar: SingleBar; started: number } | null = null;
  return {
    update(progress) {
      const key = label(progress);
      if (current === null || current.key !== key) {
        current?.bar.stop();
        current = { key, bar: bars.create(progress.total ?? 0, 0, { label: key, rate: 0 }), started: performance.now() };
      }
      const seconds = (performance.now() - current.started) / 1000;
      current.bar.setTotal(Math.max(progress.total ?? 0, progress.processed));
      current.bar.update(progress.processed, { label: key, rate: seconds > 0 ? Math.round(progress.processed / seconds) : 0 });
    },
    log(line) {
      bars.log(`${line}\n`);
    },
    stop() {
      bars.stop();
    },
  };
}

function lineReporter(output: ProgressOutput, options: ProgressReporterOptions): ProgressReporter {
  const intervalMs = options.intervalMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  let current: { key: string; started: number; lastLine: number; last: IngestProgress } | null = null;

  const line = (progress: IngestProgress, started: number, suffix = '') => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(progress.processed / seconds) : 0;
    const total = progress.total === null ? '' : `/${progress.total}`;
    output.write(`${progress.stage} ${progress.processed}${total} (${rate}/s) ${path.basename(progress.file)}${suffix}\n`);
  };
  const finish = () => {
    if (current !== null) line(current.last, current.started, `, done in ${((now() - current.started) / 1000).toFixed(1)} s`);
  };

  return {
    update(progress) {
      const key = label(progress);
      if (current === null || current.key !== key) {
        finish();
        const started = now();
        current = { key, started, lastLine: started, last: progress };
      }
      current.last = progress;
      // The last record of a file is reported by the line that ends the stage.
      if (progress.processed !== progress.total && now() - current.lastLine >= intervalMs) {
        current.lastLine = now();
        line(progress, current.started);
      }
    },
    log(text) {
      output.write(`${text}\n`);
    },
    stop() {
      finish();
      current = null;
    },
  };
}
