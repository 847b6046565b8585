import os from 'node:os';
import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/config.js';

/**
 * The gateway's structured log: one JSON object per line on stdout, at the configured level.
 * `destination` lets tests read the lines.
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): PinoLogger {
  return pino({ level, base: { service: 'recsys-gateway', pid: process.pid, hostname: os.hostname() } }, destination ?? process.stdout);
}
