/**
 * The suite's settings, passed from the CLI (or a user running vitest directly) through one
 * environment variable, so `vitest run --project contract` and `fungies-contract run` agree.
 */

export const CONFIG_ENV = 'FUNGIES_CONTRACT_CONFIG';

export interface SuiteConfig {
  /** The server under test; unset: the suite starts a Prism mock of the spec. */
  targetUrl?: string;
  /** `prism` when the target is a Prism mock (ours or the user's). */
  kind: 'prism' | 'live';
  allowWrites: boolean;
  strict: boolean;
  /** `--operation` filter: operationId, tag or glob, comma-separated. */
  operation?: string;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_SUITE_CONFIG: SuiteConfig = { kind: 'prism', allowWrites: false, strict: false, timeoutMs: 30_000 };

/** Keys sent to a Prism mock: Prism checks that the headers are there, not their values. */
export const MOCK_KEYS = { publicKey: 'pub_contractSuiteMockKey', secretKey: 'sec_contractSuiteMockKey' } as const;

export function readSuiteConfig(env: Record<string, string | undefined> = process.env): SuiteConfig {
  const raw = env[CONFIG_ENV];
  const fromEnv: Partial<SuiteConfig> = raw ? (JSON.parse(raw) as Partial<SuiteConfig>) : {};
  const targetUrl = fromEnv.targetUrl ?? env['FUNGIES_BASE_URL'];
  const config: SuiteConfig = { ...DEFAULT_SUITE_CONFIG, ...fromEnv, ...(targetUrl ? { targetUrl } : {}) };
  // A target named only by FUNGIES_BASE_URL is a real server unless the CLI said otherwise.
  if (targetUrl && !raw) config.kind = 'live';
  return config;
}
