import type { ExampleOperation } from './exampleOperations.js';
import { PLAYGROUND_ASSETS_PATH } from './playgroundAssets.js';

/**
 * The GraphiQL page: one tab per example operation, the documentation explorer open, queries
 * POSTed as JSON to the page's own URL (the GraphQL endpoint it is served on) (so Apollo's CSRF protection is satisfied
 * without extra headers). An API key for mutations goes in the tab's headers editor.
 */
export function playgroundPage(operations: readonly ExampleOperation[]): string {
  const tabs = operations.map(({ query, variables }) => ({ query, variables }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>recsys-gateway playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PLAYGROUND_ASSETS_PATH}/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script src="${PLAYGROUND_ASSETS_PATH}/react.production.min.js"></script>
<script src="${PLAYGROUND_ASSETS_PATH}/react-dom.production.min.js"></script>
<script src="${PLAYGROUND_ASSETS_PATH}/graphiql.min.js"></script>
<script id="playground-config" type="application/json">${scriptSafeJson({ tabs })}</script>
<script>
  const config = JSON.parse(document.getElementById('playground-config').textContent);
  const fetcher = GraphiQL.createFetcher({ url: location.origin + location.pathname });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: config.tabs,
      // GraphiQL 3 fills the variables editor from this prop, not from the first tab.
      variables: config.tabs[0]?.variables,
      visiblePlugin: 'Documentation Explorer',
      defaultEditorToolsVisibility: 'variables',
      shouldPersistHeaders: false,
    }),
  );
</script>
</body>
</html>
`;
}

/** JSON that cannot close the script element it sits in, whatever the operations contain. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
