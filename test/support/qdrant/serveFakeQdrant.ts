/**
 * The spec-validating fake Qdrant as a standalone server, for trying service mode and
 * measuring it on a machine without Qdrant:
 *
 *   npm run qdrant:fake -- [--port N] [--spec PATH]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FakeQdrantServer } from './fakeQdrantServer.js';
import { OpenApiContract, QDRANT_SPEC_PATH } from './openApiContract.js';

const USAGE = `Usage: npm run qdrant:fake -- [--port N] [--spec PATH]

Serves the test suite's fake Qdrant (in memory, validating every request and response
against Qdrant's OpenAPI spec) until stopped, and prints its URL for QDRANT_URL. On SIGINT or
SIGTERM it prints how many requests it served and every spec violation it saw.
Not a database: nothing is persisted, and everything is scanned exactly.

Options:
  --port N      listen on this port (default: a free one)
  --spec PATH   Qdrant's OpenAPI spec, the openapi.json of the Qdrant version served (1.18;
                Qdrant's repository keeps it under docs/redoc/); by default
                ../shared/reference/qdrant/openapi.json beside this repository, here
                ${QDRANT_SPEC_PATH}
  --help        print this and exit`;

async function main(): Promise<number> {
  let values: { port?: string; spec?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, spec: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const spec = values.spec === undefined ? QDRANT_SPEC_PATH : path.resolve(values.spec);
  if (!existsSync(spec)) {
    const fix = values.spec === undefined ? '; give its path with --spec PATH' : '';
    process.stderr.write(`Qdrant's OpenAPI spec not found at ${spec}${fix}\n`);
    return 1;
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer from 0 to 65535, got "${values.port}"\n`);
    return 2;
  }
  const fake = await new FakeQdrantServer(OpenApiContract.load(spec), port).start();
  process.stdout.write(`${fake.url}\n`);
  const stop = async () => {
    await fake.stop();
    process.stdout.write(`served ${fake.calls.length} requests, ${fake.violations.length} spec violations\n`);
    for (const violation of fake.violations) process.stdout.write(`  ${violation}\n`);
    process.exit(fake.violations.length === 0 ? 0 : 1);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`qdrant:fake failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
