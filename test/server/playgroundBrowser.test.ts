import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT, startFixtureGateway, type FixtureGateway } from '../support/fixtureGateway.js';

const CHROMIUM = '/usr/bin/chromium';
// The committed screenshot is refreshed on request only: each run shows another requestId, and a
// test run should not leave the working tree modified.
const SCREENSHOT = process.env.UPDATE_SCREENSHOT === '1' ? path.join(REPO_ROOT, 'results/playground.png') : path.join(os.tmpdir(), 'recsys-gateway-playground.png');

describe('the playground in a real browser (Debian chromium, offline)', () => {
  const present = existsSync(CHROMIUM);
  if (!present) console.warn(`SKIPPED: no browser at ${CHROMIUM} (apt-get install chromium; .ci/run installs it); the playground browser test needs it`);
  const maybe = present ? it : it.skip;

  let gateway: FixtureGateway;
  let browser: Browser;
  beforeAll(async () => {
    if (!present) return;
    gateway = await startFixtureGateway();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  maybe('loads GraphiQL from the gateway alone, shows the docs, runs the search example and shows its result', async () => {
    const origin = new URL(gateway.server.url).origin;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(gateway.server.url);
    await page.locator('.graphiql-container').waitFor();
    // The documentation explorer is open on the schema's root types.
    await expect(page.locator('.graphiql-doc-explorer').innerText()).resolves.toMatch(/Root Types\s+query: Query\s+mutation: Mutation/);
    // Four tabs, the first one (search with filters) active.
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(4);
    await expect(page.locator('.graphiql-query-editor').innerText()).resolves.toContain('query SearchWithFilters');

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('"title": "Toy Story"').waitFor();
    const text = await result.innerText();
    expect(text).toContain('"requestId"');
    expect(text).toContain('"Animation"');

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // Each tab brings its own variables.
    await page.locator('.graphiql-tab', { hasText: 'RecommendationsForUser' }).click();
    await expect(page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)').innerText()).resolves.toContain('"userId": "1"');
    await context.close();
    expect({ blocked, pageErrors }).toEqual({ blocked: [], pageErrors: [] });
  });
});
