/** The JSON report: RunData as is; its shape is pinned by contract-tests/report.schema.json. */
import type { RunData } from './types.js';

export function formatJson(data: RunData): string {
  // JSON.stringify drops undefined fields, so `status` of a finding without a response disappears as the schema expects.
  return `${JSON.stringify(data, null, 2)}\n`;
}
