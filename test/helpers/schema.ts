import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { EventRecord } from '../../src/types';

/**
 * The event record schema (schema/event.schema.json) compiled once, for tests
 * that check what the pipeline publishes: `assertValidEvent(record)` throws an
 * error listing every place the value breaks the schema.
 */
export const eventSchema = JSON.parse(readFileSync(new URL('../../schema/event.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(eventSchema);

/** Every schema violation of `value`, as `path: message` lines; empty when valid. */
export function eventSchemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** Throw unless `value` is a valid schema-1 event record. */
export function assertValidEvent(value: unknown): asserts value is EventRecord {
  const errors = eventSchemaErrors(value);
  if (errors.length > 0) {
    const id = typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : '?';
    throw new Error(`event ${id} does not match schema/event.schema.json:\n  ${errors.join('\n  ')}`);
  }
}
