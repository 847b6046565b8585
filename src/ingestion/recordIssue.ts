/** A record that was refused or skipped, reported so that someone can go and fix it. */
export interface RecordIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}
