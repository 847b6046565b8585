import path from 'node:path';

export type FileFormat = 'jsonl' | 'csv';

const BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

/** The format of a data file, from its extension; throws naming the extensions accepted. */
export function fileFormat(file: string): FileFormat {
  const extension = path.extname(file).toLowerCase();
  const format = BY_EXTENSION[extension];
  if (format === undefined) {
    throw new Error(`cannot tell the format of ${file}: expected one of ${Object.keys(BY_EXTENSION).join(', ')}`);
  }
  return format;
}
