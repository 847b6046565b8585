import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Router } from 'express';

/** Where the page loads its scripts and styles from; served by the gateway itself, never a CDN. */
export const PLAYGROUND_ASSETS_PATH = '/playground';

const require = createRequire(import.meta.url);

/**
 * The browser builds GraphiQL 3 ships (a UMD bundle and its stylesheet) and the React 18 UMD
 * builds it runs on, read from node_modules: a fresh `npm ci` is all the playground needs.
 */
const ASSETS: Readonly<Record<string, readonly [pkg: string, file: string]>> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css'],
};

/** GET /playground/<asset>: the files above, cached by browsers for a day. */
export function playgroundAssets(): Router {
  const router = express.Router();
  for (const [name, [pkg, inPackage]] of Object.entries(ASSETS)) {
    // The packages' `exports` hide these files from require.resolve; their package.json is exported.
    const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), inPackage);
    router.get(`/${name}`, (_req, res, next) => {
      res.sendFile(file, { maxAge: '1d' }, (error) => {
        if (error) next(error);
      });
    });
  }
  return router;
}
