/** One record of the SMART format: `.I id`, then fields each opened by a `.X` line. */
export interface DotRecord {
  /** The id as written after `.I` (zero-padded in cran.qry). */
  readonly id: string;
  /** Field letter → text, lines joined by spaces, trimmed; absent fields are missing. */
  readonly fields: Readonly<Record<string, string>>;
}

/** Parses the SMART `.I`/`.T`/`.A`/`.B`/`.W` format of the Cranfield files, \r\n or \n. */
export function parseDotRecords(text: string): DotRecord[] {
  const records: { id: string; fields: Record<string, string[]> }[] = [];
  let field: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const start = /^\.I\s+(\S+)\s*$/.exec(line);
    if (start) {
      records.push({ id: start[1]!, fields: {} });
      field = null;
      continue;
    }
    const marker = /^\.([A-Z])\s*$/.exec(line);
    const current = records[records.length - 1];
    if (marker && current) {
      field = current.fields[marker[1]!] = [];
    } else if (field) {
      field.push(line.trim());
    } else if (line.trim() !== '') {
      throw new Error(`parseDotRecords: text outside a field: ${JSON.stringify(line.slice(0, 80))}`);
    }
  }
  return records.map(({ id, fields }) => ({
    id,
    fields: Object.fromEntries(Object.entries(fields).map(([name, lines]) => [name, lines.filter((l) => l !== '').join(' ')])),
  }));
}
