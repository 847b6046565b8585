import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { REPO_ROOT } from '../fixtureGateway.js';

/** Qdrant's REST specification, beside the repository (../shared); absent in a clone elsewhere. */
export const QDRANT_SPEC_PATH = path.resolve(REPO_ROOT, '../shared/reference/qdrant/openapi.json');

export function qdrantSpecAvailable(): boolean {
  return existsSync(QDRANT_SPEC_PATH);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly params: string[];
  readonly request: ValidateFunction | null;
  readonly response: ValidateFunction | null;
}

export interface MatchedOperation {
  readonly operation: Operation;
  readonly params: Record<string, string>;
}

/**
 * Qdrant's OpenAPI 3.0 document compiled for validation with ajv: every operation's request
 * body schema and its 200 response schema, looked up by method and path.
 *
 * Two rewrites make the spec usable as JSON Schema: OpenAPI's `nullable: true` becomes a
 * `null` type, and, because Qdrant's spec leaves `additionalProperties` out of most object
 * schemas (which JSON Schema reads as "anything else goes"), every object schema that lists
 * its properties and says nothing about others is closed. Without that, a misspelt field
 * (`must_nt`) would validate and be ignored by the server, the very bug this is meant to
 * catch. Objects the spec declares open (payloads, named-vector maps) stay open.
 */
export class OpenApiContract {
  private readonly operations: Operation[] = [];
  private readonly ajv: Ajv;

  static load(file = QDRANT_SPEC_PATH): OpenApiContract {
    return new OpenApiContract(JSON.parse(readFileSync(file, 'utf8')) as JsonObject);
  }

  private constructor(spec: JsonObject) {
    const formats = new Set<string>();
    collectFormats(spec, formats);
    const ajv = (this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      formats: Object.fromEntries(
        [...formats].map((format) => [
          format,
          format === 'uuid' ? /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i : true,
        ]),
      ),
    }));
    const components = strictSchema((spec.components as JsonObject).schemas!) as JsonObject;
    ajv.addSchema({ $id: 'qdrant', components: { schemas: components } });
    for (const [route, methods] of Object.entries(spec.paths as JsonObject)) {
      const params: string[] = [];
      const pattern = new RegExp(
        `^${route.replace(/\{([^}]+)\}/g, (_, name: string) => {
          params.push(name);
          return '([^/]+)';
        })}$`,
      );
      for (const [method, operation] of Object.entries(methods as JsonObject)) {
        const op = operation as JsonObject;
        if (typeof op.operationId !== 'string') continue;
        const requestSchema = jsonContent(op.requestBody);
        const responseSchema = jsonContent((op.responses as JsonObject | undefined)?.['200']);
        this.operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          pattern,
          params,
          request: requestSchema ? ajv.compile(strictSchema(requestSchema) as object) : null,
          response: responseSchema ? ajv.compile(strictSchema(responseSchema) as object) : null,
        });
      }
    }
  }

  /** The operation a request goes to, by method and path (query string ignored). */
  match(method: string, pathname: string): MatchedOperation | null {
    for (const operation of this.operations) {
      if (operation.method !== method) continue;
      const found = operation.pattern.exec(pathname);
      if (!found) continue;
      return { operation, params: Object.fromEntries(operation.params.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) };
    }
    return null;
  }

  /** Problems of a request body against the operation's schema; empty when it conforms. */
  requestProblems(operationId: string, body: unknown): string[] {
    return problems(this.byId(operationId).request, body);
  }

  /** Problems of a 200 response body against the operation's schema; empty when it conforms. */
  responseProblems(operationId: string, body: unknown): string[] {
    return problems(this.byId(operationId).response, body);
  }

  /** Validates any value against one of the spec's component schemas (Filter, PointStruct, ...). */
  schemaProblems(component: string, value: unknown): string[] {
    return problems(this.componentValidator(component), value);
  }

  private readonly components = new Map<string, ValidateFunction>();

  private componentValidator(component: string): ValidateFunction {
    let validate = this.components.get(component);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `qdrant#/components/schemas/${component}` });
      this.components.set(component, validate);
    }
    return validate;
  }

  private byId(operationId: string): Operation {
    const operation = this.operations.find((op) => op.operationId === operationId);
    if (!operation) throw new Error(`no operation "${operationId}" in Qdrant's spec`);
    return operation;
  }
}

function problems(validate: ValidateFunction | null, value: unknown): string[] {
  if (validate === null) return value === undefined || value === null ? [] : ['the operation takes no body'];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`);
}

function jsonContent(holder: Json | undefined): Json | null {
  const content = (holder as JsonObject | undefined)?.content as JsonObject | undefined;
  return ((content?.['application/json'] as JsonObject | undefined)?.schema as Json | undefined) ?? null;
}

function collectFormats(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((inner) => collectFormats(inner, into));
  else if (value && typeof value === 'object') {
    if (typeof value.format === 'string') into.add(value.format);
    Object.values(value).forEach((inner) => collectFormats(inner, into));
  }
}

/** The OpenAPI schema as strict JSON Schema: nullable as a null type, closed objects, refs into the `qdrant` document. */
function strictSchema(value: Json): Json {
  if (Array.isArray(value)) return value.map(strictSchema);
  if (!value || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'example' || key === 'nullable') continue;
    if (key === '$ref' && typeof inner === 'string') out[key] = inner.replace(/^#\/components\//, 'qdrant#/components/');
    else out[key] = strictSchema(inner);
  }
  if (value.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.type === undefined && Object.keys(out).every((key) => key === 'description' || key === 'default')) out.type = 'null';
    else return { anyOf: [out, { type: 'null' }] };
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
