import type { Validation } from './validation.js';

/** One record read from a file, parsed or refused, with where it came from. */
export interface SourceRecord<T> {
  readonly file: string;
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly result: Validation<T>;
}

/** The fields of one record before they mean anything: JSON values, or CSV strings by column. */
export type RawFields = Readonly<Record<string, unknown>>;
