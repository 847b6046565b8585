/**
 * The spec-validating fake Qdrant as a standalone server, for trying service mode and
 * measuring it on a machine without Qdrant:
 *
 *   npm run qdrant:fake -- [--port N]
 */
import { parseArgs } from 'node:util';
import { FakeQdrantServer } from './fakeQdrantServer.js';
import { OpenApiContract, QDRANT_SPEC_PATH, qdrantSpecAvailable } from './openApiContract.js';

const USAGE = `Usage: npm run qdrant:fake -- [--port N]

Serves the test suite's fake Qdrant (in memory, validating every request and response
against ${QDRANT_SPEC_PATH}) until stopped, and prints its URL for QDRANT_URL. On SIGINT or
SIGTERM it prints how many requests it served and every spec violation it saw.
Not a database: nothing is persisted, and everything is scanned exactly.

Options:
  --port N   listen on this port (default: a free one)
  --help     print this and exit`;

async function main(): Promise<number> {
  let values: { port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!qdrantSpecAvailable()) {
    process.stderr.write(`Qdrant's OpenAPI spec not found at ${QDRANT_SPEC_PATH}.\n`);
    return 1;
  }
  const port = Number(values.port ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer from 0 to 65535, got "${values.port}"\n`);
    return 2;
  }
  const fake = await new FakeQdrantServer(OpenApiContract.load(), port).start();
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
