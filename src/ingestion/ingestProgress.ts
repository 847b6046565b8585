/** Where a run is, for a progress bar or a log line. */
export interface IngestProgress {
  readonly stage: 'items' | 'events' | 'examples';
  /** The file being read. */
  readonly file: string;
  /** Records of this file read so far, good and bad. */
  readonly processed: number;
  /** Records in the file, as far as a line count tells; null when unknown. */
  readonly total: number | null;
}
