/** The engine's settings, passed as one value from the CLI (or a test) to every check. */
import type { Target } from './exchange.js';
import type { TargetKind } from './types.js';

export interface EngineConfig {
  target: Target;
  /** `prism`: every documented status can be asked for (`Prefer: code=`) and writes are harmless. */
  kind: TargetKind;
  allowWrites: boolean;
  /** Spec defects fail the check too. */
  strict: boolean;
  /** A response slower than this (ms) is a finding of its own (`--max-response-time`). */
  maxResponseTimeMs?: number | undefined;
  /** The most pages a list is walked to find its end (`--max-pages`); default DEFAULT_MAX_PAGES of the page-walk check. */
  maxPages?: number | undefined;
}

/** Keys sent to a Prism mock: Prism checks that the headers are there, not their values. */
export const MOCK_KEYS = { publicKey: 'pub_contractSuiteMockKey', secretKey: 'sec_contractSuiteMockKey' } as const;
