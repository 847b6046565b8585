/**
 * A Markdown table: a header row, an alignment row (text left, numbers right) and one row per
 * entry. Fractions are shown with `digits` decimals, integers (counts) as they are, null as
 * an en dash.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], digits = 4): string {
  const cell = (value: string | number | null) => (value === null ? '–' : typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(digits)) : value);
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || row[column] === null));
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${numeric.map((isNumber) => (isNumber ? '---:' : ':---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}
