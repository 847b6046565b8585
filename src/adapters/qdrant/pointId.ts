import { v5 as uuidv5 } from 'uuid';

/**
 * Namespace of the gateway's point ids (a fixed, random UUID): item ids are free strings,
 * Qdrant point ids are unsigned integers or UUIDs, so each item id maps to the UUID v5 of
 * the id in this namespace. Deterministic: every replica, and a reindex, computes the same
 * point for the same item. The item id itself stays in the payload.
 */
const ITEM_ID_NAMESPACE = '6f1c2a8e-4b7d-5e90-9a3c-2d8b1e7f4c60';

export function pointIdOf(itemId: string): string {
  return uuidv5(itemId, ITEM_ID_NAMESPACE);
}
