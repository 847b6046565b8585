import type { Logger } from '../../src/graphql/logger.js';

/** A logger that keeps its lines, so tests can assert what was logged and keep the output quiet. */
export class RecordingLogger implements Logger {
  readonly lines: { level: 'debug' | 'info' | 'warn' | 'error'; message: string }[] = [];
  debug = (...parts: unknown[]) => this.record('debug', parts);
  info = (...parts: unknown[]) => this.record('info', parts);
  warn = (...parts: unknown[]) => this.record('warn', parts);
  error = (...parts: unknown[]) => this.record('error', parts);

  private record(level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]): void {
    this.lines.push({ level, message: parts.map(String).join(' ') });
  }
}
