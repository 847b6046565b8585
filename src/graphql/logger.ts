/** Where the API layer reports what the caller must not see; `console` fits, and so does Apollo's logger. */
export type Logger = Pick<Console, 'debug' | 'info' | 'warn' | 'error'>;
