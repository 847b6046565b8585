/**
 * Where a component reports what an operator may want to read, by level: `info` for what went
 * as intended (a file reloaded), `warn` for what needs a look (a file refused, a call retried).
 * The server binds it to its JSON logger; adapters see only this, never the logging library.
 */
export interface LevelledLog {
  info(line: string): void;
  warn(line: string): void;
}
