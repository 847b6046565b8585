import type { ResultPage } from '../pipeline/requests.js';

/** A ranked page as a connection serves it (the parent of `ItemConnection`): with the key of its list, for cursors. */
export interface ConnectionPage extends ResultPage {
  readonly listKey: string;
}
