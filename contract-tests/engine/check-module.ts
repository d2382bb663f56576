/**
 * What a check is: one module that says its name, the family and summary row it is reported under,
 * what it plans, how it runs and why it may be skipped. The registry (check-registry.ts) lists
 * them; the planner, the runner, the skip rule and the reports read only that list.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import type { EngineConfig } from './config.js';
import type { Exchange } from './exchange.js';
import type { Random } from './random.js';
import type { PlannedRequest } from './request-builder.js';
import type { CheckResult } from './types.js';
import type { Workflow } from './workflows.js';

/**
 * Families group checks for reports that show fewer rows than there are checks: `conformance`
 * (answers match the spec), `security` (keys), `data` (generated requests), `behaviour` (what the
 * API does over several requests).
 */
export type CheckFamily = 'conformance' | 'security' | 'data' | 'behaviour';

export interface PlannedCheck {
  id: string;
  kind: string;
  operation: OperationMeta;
  status?: string;
  /** What the check varies: an auth case, `bad id`, a generated variant's name, a method. */
  name?: string;
  /** The request of a generated variant (negative/positive data). */
  request?: PlannedRequest;
  /** A workflow's operations and the run's seed. */
  workflow?: Workflow;
  seed?: number;
  /** Whatever else a check module planned for itself (read back only by that module). */
  plan?: unknown;
}

/** What planning one operation can see. */
export interface OperationPlan {
  operation: OperationMeta;
  /** Every operation of the run, in spec order, and this one's index among them. */
  operations: readonly OperationMeta[];
  index: number;
  seed: number;
  /** A valid request built from the spec, or undefined when none can be built. */
  valid: PlannedRequest | undefined;
  /**
   * The operation's stream of generated data, shared by the modules in registry order: the same
   * seed plans the same requests, whichever modules draw from it.
   */
  random(): Random;
}

/** What planning the whole run can see (checks over several operations). */
export interface RunPlan {
  operations: readonly OperationMeta[];
  seed: number;
}

export type Outcome = Partial<CheckResult> & { exchange?: Exchange };

export interface CheckModule {
  /** The report's `kind` of the check. */
  name: string;
  family: CheckFamily;
  /** Its row in the report's summary. */
  label: string;
  /** The title of one check in the human report. */
  title(check: CheckResult): string;
  /** Checks about one operation, planned in registry order per operation. */
  planOperation?(plan: OperationPlan): PlannedCheck[];
  /** Checks over the whole run, planned after every operation's. */
  planRun?(plan: RunPlan): PlannedCheck[];
  /** Why this check cannot run against this target, before the write rule applies. */
  skip?(check: PlannedCheck, config: EngineConfig): string | undefined;
  /** The method the check sends, when not the operation's: a write (not GET/HEAD) needs --allow-writes. */
  method?(check: PlannedCheck): string;
  /**
   * Compares answers across several requests (pages of one list), so it runs after every other
   * check of the run: the run's own writes cannot then move what it compares.
   */
  quiet?: boolean;
  run(check: PlannedCheck, planned: PlannedRequest, config: EngineConfig): Promise<Outcome>;
}
