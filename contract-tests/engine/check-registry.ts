/**
 * Every check the engine knows, in the order it plans them for an operation and lists them in the
 * summary. Adding a check: write its module under checks/ and add it here.
 */
import type { CheckModule } from './check-module.js';
import { authCheck } from './checks/auth.js';
import { authStatusCheck } from './checks/auth-status.js';
import { createdInListCheck } from './checks/created-in-list.js';
import { defaultSortCheck } from './checks/default-sort.js';
import { filtersCheck } from './checks/filters.js';
import { identityCheck } from './checks/identity.js';
import { jsonEncodingCheck } from './checks/json-encoding.js';
import { methodCheck } from './checks/method.js';
import { negativeCheck } from './checks/negative.js';
import { pageWalkCheck } from './checks/page-walk.js';
import { paginationCheck } from './checks/pagination.js';
import { positiveCheck } from './checks/positive.js';
import { publicKeyAsSecretCheck } from './checks/public-key-as-secret.js';
import { queryKeysCheck } from './checks/query-keys.js';
import { readAfterWriteCheck } from './checks/read-after-write.js';
import { statusCheck } from './checks/status.js';
import { unitsCheck } from './checks/units.js';
import { workflowCheck } from './checks/workflow.js';
import { writeIdentityCheck } from './checks/write-identity.js';

export const CHECKS: readonly CheckModule[] = [
  statusCheck,
  authCheck,
  authStatusCheck,
  negativeCheck,
  positiveCheck,
  paginationCheck,
  methodCheck,
  workflowCheck,
  filtersCheck,
  defaultSortCheck,
  unitsCheck,
  identityCheck,
  readAfterWriteCheck,
  createdInListCheck,
  writeIdentityCheck,
  pageWalkCheck,
  publicKeyAsSecretCheck,
  queryKeysCheck,
  jsonEncodingCheck,
];

/** The module of a check kind. */
export function checkModule(kind: string): CheckModule | undefined {
  return CHECKS.find((c) => c.name === kind);
}

/** Each check's name with its family and summary row, for reports that group checks. */
export const CHECK_FAMILIES: readonly { name: string; family: CheckModule['family']; label: string }[] = CHECKS.map(
  ({ name, family, label }) => ({ name, family, label }),
);
