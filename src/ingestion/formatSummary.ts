import type { IngestSummary } from './ingestSummary.js';

function rate(count: number, seconds: number): string {
  return seconds > 0 ? `${Math.round(count / seconds)}` : '-';
}

/** The end-of-run report, one line per stage and one for the whole run. */
export function formatSummary(summary: IngestSummary): string {
  const { items, events } = summary;
  return [
    `items: ${items.ok} ok (${items.unchanged} unchanged), ${items.bad} bad (${summary.itemSeconds.toFixed(1)} s, ${rate(items.ok, summary.itemSeconds)} items/s)`,
    `events: ${events.accepted} accepted, ${events.duplicate} duplicate, ${events.rejected} rejected, ` +
      `${events.unknownItem} unknown item (${summary.eventSeconds.toFixed(1)} s, ` +
      `${rate(events.accepted + events.duplicate, summary.eventSeconds)} events/s)`,
    `total: ${summary.seconds.toFixed(1)} s`,
  ].join('\n');
}
