/** Request logging: a `logger` option and the FUNGIES_LOG=debug|info|warn environment variable; lines never carry keys. */
import { FungiesConfigError } from './errors.js';
import { redact } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'off';

/** Anything with `debug`/`info`/`warn` methods taking a string, e.g. `console` or a pino/winston logger. */
export interface FungiesLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, off: 3 };

/** Writes lines at or above `level`, keys removed; `undefined` when nothing would ever be written. */
export interface RequestLog {
  debug?: ((message: string) => void) | undefined;
  info?: ((message: string) => void) | undefined;
  warn?: ((message: string) => void) | undefined;
}

export function parseLevel(value: unknown, option: string): LogLevel {
  if (value === 'debug' || value === 'info' || value === 'warn' || value === 'off') return value;
  throw new FungiesConfigError(option, `${option} must be "debug", "info", "warn" or "off"; got ${JSON.stringify(value)}`);
}

/**
 * The log sink of a client. `logLevel` wins over FUNGIES_LOG; with neither, a given `logger`
 * logs at "info" and no logger means silence. The older `log(message)` option receives the same lines as one string each.
 */
export function createRequestLog(
  options: { logger?: unknown; logLevel?: unknown; log?: ((message: string) => void) | undefined },
  secrets: readonly (string | undefined)[],
  env: string | undefined = process.env.FUNGIES_LOG,
): RequestLog | undefined {
  if (options.logger !== undefined && !isLogger(options.logger)) {
    throw new FungiesConfigError('logger', 'logger must have debug, info and warn methods, e.g. logger: console');
  }
  const logger = options.logger as FungiesLogger | undefined;
  const level: LogLevel =
    options.logLevel !== undefined
      ? parseLevel(options.logLevel, 'logLevel')
      : env
        ? parseLevel(env.trim().toLowerCase(), 'FUNGIES_LOG')
        : logger || options.log
          ? 'info'
          : 'off';
  const legacy = options.log;
  const sink: FungiesLogger | undefined = logger ?? (level !== 'off' && !legacy ? console : undefined);
  if (!sink && !legacy) return undefined;
  const line = (method: keyof FungiesLogger) => {
    if (RANK[method] < RANK[level]) return undefined;
    return (message: string) => {
      const safe = redact(message, secrets);
      sink?.[method](safe);
      legacy?.(safe);
    };
  };
  const log: RequestLog = { debug: line('debug'), info: line('info'), warn: line('warn') };
  return log.debug || log.info || log.warn ? log : undefined;
}

function isLogger(value: unknown): value is FungiesLogger {
  const v = value as Partial<FungiesLogger> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.debug === 'function' && typeof v.info === 'function' && typeof v.warn === 'function'
  );
}
