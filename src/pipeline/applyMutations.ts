import type { InteractionEvent } from '../domain/event.js';
import { badInput, GatewayError } from '../domain/errors.js';
import { itemText, type Item } from '../domain/item.js';
import { quote } from '../domain/quote.js';
import { validateEvent } from '../ingestion/validateEvent.js';
import type { CatalogIndex } from '../ports/catalogIndex.js';
import type { Embedder } from '../ports/embedder.js';
import type { ApplyResult, FeatureStore } from '../ports/featureStore.js';
import type { Gateway } from './gateway.js';
import type { EventInput, EventOutcome, ItemInput } from './requests.js';

export interface MutationDeps {
  readonly catalog: CatalogIndex;
  readonly features: FeatureStore;
  readonly embedder: Embedder;
  readonly now: () => number;
}

/**
 * The write side of the gateway. Item writes are all or nothing: a repeated id refuses the
 * call before anything is written. Events are judged one by one, since a client cannot
 * fix another client's bad event.
 */
export function applyMutations(deps: MutationDeps): Pick<Gateway, 'upsertItems' | 'deleteItems' | 'recordEvents'> {
  const { catalog, features, embedder, now } = deps;
  return {
    async upsertItems(inputs: readonly ItemInput[]) {
      // Each item was held to validateItem at the API edge, where the error can name its index.
      const ids = inputs.map((input) => input.id);
      const firstIndex = new Map<string, number>();
      ids.forEach((id, index) => {
        const earlier = firstIndex.get(id);
        if (earlier !== undefined) throw badInput(`items[${earlier}] and items[${index}] have the same id ${quote(id)}`, 'items');
        firstIndex.set(id, index);
      });
      const existing = await catalog.getItems(ids);
      const at = now();
      const items: Item[] = inputs.map((input, i) => ({ ...input, createdAt: existing[i]?.createdAt ?? at }));
      const vectors = await embedder.embed(items.map(itemText));
      await catalog.upsert(items.map((item, i) => ({ item, vector: vectors[i]! })));
      return { ids };
    },

    async deleteItems(ids: readonly string[]) {
      const deleted = await catalog.delete(ids);
      await features.forgetItems(deleted);
      const gone = new Set(deleted);
      return { deleted, notFound: ids.filter((id) => !gone.has(id)) };
    },

    async recordEvents(inputs: readonly EventInput[]) {
      const at = now();
      const outcomes: (EventOutcome | null)[] = [];
      const checked: { index: number; event: InteractionEvent }[] = [];
      inputs.forEach((input, index) => {
        const check = validateEvent(input, at);
        if (check.ok) {
          checked.push({ index, event: check.value });
          outcomes.push(null);
        } else {
          outcomes.push({ index, eventId: input.id, status: 'rejected', reason: check.reason });
        }
      });
      const itemIds = [...new Set(checked.map(({ event }) => event.itemId))];
      let found: (Item | null)[];
      try {
        found = await catalog.getItems(itemIds);
      } catch (error) {
        // Events are checked against the catalog before any is written: without it nothing was
        // written, and each valid event says so with the id to send again, as for a store failure.
        if (!(error instanceof GatewayError && error.code === 'BACKEND_UNAVAILABLE')) throw error;
        const reason = `${error.message}: not recorded (nothing of the batch was: its items could not be looked up); ${RESEND}`;
        for (const { index, event } of checked) outcomes[index] = { index, eventId: event.id, status: 'failed', reason };
        return outcomes as EventOutcome[];
      }
      const items = new Map<string, Item>();
      found.forEach((item) => item && items.set(item.id, item));
      const known = checked.filter(({ index, event }) => {
        if (items.has(event.itemId)) return true;
        outcomes[index] = { index, eventId: event.id, status: 'rejected', reason: `unknown item id ${quote(event.itemId)}` };
        return false;
      });
      let result: ApplyResult;
      try {
        result = await features.applyEvents(
          known.map(({ event }) => event),
          items,
        );
      } catch (error) {
        // A store that cannot be written fails the batch as a whole (its write is one
        // transaction or script), and each valid event says whether it may have been recorded:
        // never "not recorded" for a write that was sent and not answered.
        if (!(error instanceof GatewayError && error.code === 'BACKEND_UNAVAILABLE')) throw error;
        const reason = failedWriteReason(error);
        for (const { index, event } of known) outcomes[index] = { index, eventId: event.id, status: 'failed', reason };
        return outcomes as EventOutcome[];
      }
      // Within one batch only the first event of an id counts; the store saw it once.
      const applied = new Set(result.applied);
      const conflicts = new Set(result.conflicts);
      for (const { index, event } of known) {
        if (applied.delete(event.id)) outcomes[index] = { index, eventId: event.id, status: 'accepted', reason: null };
        else if (conflicts.has(event.id)) outcomes[index] = { index, eventId: event.id, status: 'rejected', reason: conflictReason(event.id) };
        else outcomes[index] = { index, eventId: event.id, status: 'duplicate', reason: null };
      }
      return outcomes as EventOutcome[];
    },
  };
}

const RESEND = 'send the batch again with these eventIds as ids: whatever was recorded comes back DUPLICATE, the rest is recorded';

function failedWriteReason(error: GatewayError): string {
  // Only a store that says its write never left may say "not recorded".
  return error.details['writeOutcome'] === 'not-written'
    ? `${error.message}: not recorded (nothing of the batch was); ${RESEND}`
    : `${error.message}: the write was sent but not answered, so whether the batch was recorded is unknown (all of it or none); ${RESEND}`;
}

function conflictReason(id: string): string {
  return `event id ${quote(id)} was already recorded with another type, userId, itemId or value: not recorded; a new event needs a new id`;
}
