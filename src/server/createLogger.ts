import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/config.js';

/**
 * The gateway's structured log: one JSON object per line on stdout, at the configured level.
 * `destination` lets tests read the lines.
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): PinoLogger {
  return pino({ level, base: { service: 'recsys-gateway' } }, destination ?? process.stdout);
}
