import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context.js';
import type { ExampleOperation } from './exampleOperations.js';
import { playgroundPage } from './playgroundPage.js';

/**
 * Apollo's landing-page hook, so Apollo's own content negotiation decides: a browser's GET
 * /graphql (Accept: text/html, no query) gets the playground, and a GET with a query string
 * still runs the query.
 */
export function playgroundPlugin(operations: readonly ExampleOperation[]): ApolloServerPlugin<GraphQLContext> {
  const html = playgroundPage(operations);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
