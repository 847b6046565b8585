import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

/** A breaking change that was decided on: `change` is the message the check prints for it. */
export interface AcknowledgedChange {
  readonly change: string;
  readonly reason: string;
}

export interface SchemaComparison {
  /** Breaking changes not acknowledged: each one fails the check. */
  readonly unacknowledged: readonly string[];
  /** Breaking changes listed in the acknowledgement file. */
  readonly acknowledged: readonly string[];
  /** Changes that keep existing clients working but may change what they see (such as a new enum value). */
  readonly dangerous: readonly string[];
  /** Additions and other safe changes. */
  readonly safe: readonly string[];
}

/**
 * Compares the schema with the published one (graphql-inspector's rules): additions pass,
 * anything that could break a client built on the published schema fails unless acknowledged.
 */
export async function compareWithPublished(
  published: GraphQLSchema,
  current: GraphQLSchema,
  acknowledgements: readonly AcknowledgedChange[],
): Promise<SchemaComparison> {
  const changes = await diff(published, current);
  const acknowledgedMessages = new Set(acknowledgements.map((entry) => entry.change));
  const at = (level: CriticalityLevel) => changes.filter((change: Change) => change.criticality.level === level).map((change) => change.message);
  const breaking = at(CriticalityLevel.Breaking);
  return {
    unacknowledged: breaking.filter((message) => !acknowledgedMessages.has(message)),
    acknowledged: breaking.filter((message) => acknowledgedMessages.has(message)),
    dangerous: at(CriticalityLevel.Dangerous),
    safe: at(CriticalityLevel.NonBreaking),
  };
}

/**
 * Reads the acknowledgement file: a JSON array of `{ "change": "<message>", "reason": "<why>" }`.
 * A reason is required, so that a breaking change is a decision someone wrote down.
 */
export function parseAcknowledgements(json: string, file: string): AcknowledgedChange[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of { "change", "reason" } objects`);
  return parsed.map((entry: unknown, index) => {
    const { change, reason } = (entry ?? {}) as { change?: unknown; reason?: unknown };
    if (typeof change !== 'string' || typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`${file}[${index}] must be { "change": "<the check's message>", "reason": "<why it is acceptable>" }, got ${JSON.stringify(entry)}`);
    }
    return { change, reason };
  });
}
