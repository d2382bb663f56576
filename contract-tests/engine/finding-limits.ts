/**
 * Findings a hostile target can multiply: a body of thousands of invalid items yields a finding
 * each, and one check shows at most MAX_FINDINGS_PER_CHECK of them plus one that counts the rest.
 * A body too large or too slow is one finding naming the limit it broke.
 */
import type { OperationMeta } from '../../src/operation-meta.js';
import { BodyCapExceeded, type DeadlineExceeded } from './capped-body.js';
import { finding, findingContext } from './finding.js';
import type { Finding } from './types.js';

export const MAX_FINDINGS_PER_CHECK = 100;

/**
 * The first `max` findings and, past that, one `too_many_findings` finding with the count of the
 * rest; it fails the check unless every finding it stands for is a spec defect.
 */
export function capFindings(findings: readonly Finding[], max = MAX_FINDINGS_PER_CHECK): Finding[] {
  if (findings.length <= max) return findings as Finding[];
  const shown = findings.slice(0, max);
  const rest = findings.slice(max);
  const first = rest[0]!;
  const onlyDefects = rest.every((f) => f.kind === 'spec-defect');
  const more = finding(
    { operationId: first.operationId, method: first.method, path: first.path, status: first.status },
    {
      kind: onlyDefects ? 'spec-defect' : 'response',
      pointer: '',
      rule: 'too_many_findings',
      expected: `at most ${max} findings shown per check`,
      actual: `${rest.length} more findings not shown`,
    },
  );
  return [...shown, more];
}

/** The finding for a response that broke the size cap or the deadline. */
export function limitFinding(op: OperationMeta, err: BodyCapExceeded | DeadlineExceeded): Finding {
  const cap = err instanceof BodyCapExceeded;
  return finding(findingContext(op, undefined), {
    kind: 'response',
    pointer: '',
    rule: cap ? 'max_response_bytes' : 'timeout',
    expected: cap
      ? `a response body of at most ${err.maxBytes} bytes (--max-response-bytes)`
      : `a complete response within ${err.timeoutMs} ms (--timeout)`,
    actual: err.message,
  });
}
