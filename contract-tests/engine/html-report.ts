/**
 * The HTML report (`--html <file>`): one self-contained file that opens offline — no script, style
 * or font from anywhere else. The coverage matrix (operations × check families, coloured by
 * outcome), filters by outcome and family, and every check with its findings (expected/actual),
 * request, curl line and response. Families are read from the checks, so a new kind of check gets
 * its column without a change here. Every text is HTML-escaped: a server's words are shown, never
 * parsed as markup.
 */
import { toCurl } from './curl.js';
import { specLabel } from './report.js';
import { reproduceCommand } from './reproduce.js';
import type { CheckOutcome, CheckResult, RunData } from './types.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const h = escapeHtml;

const OUTCOMES: CheckOutcome[] = ['passed', 'failed', 'skipped'];

/** The families (check kinds) of a run, in the order the checks first show them. */
export const familiesOf = (checks: readonly CheckResult[]): string[] => [...new Set(checks.map((c) => c.kind))];

/** The worst outcome of some checks: failed, then passed, then skipped; undefined for none. */
function cellOutcome(checks: readonly CheckResult[]): CheckOutcome | undefined {
  if (checks.length === 0) return undefined;
  if (checks.some((c) => c.outcome === 'failed')) return 'failed';
  return checks.some((c) => c.outcome === 'passed') ? 'passed' : 'skipped';
}

const count = (checks: readonly CheckResult[], outcome: CheckOutcome) => checks.filter((c) => c.outcome === outcome).length;

function matrix(data: RunData, families: readonly string[]): string {
  const head = `<tr><th>operation</th>${families.map((f) => `<th>${h(f)}</th>`).join('')}</tr>`;
  const rows = data.operations.map((op) => {
    const mine = data.checks.filter((c) => c.operationId === op.operationId);
    const cells = families.map((f) => {
      const checks = mine.filter((c) => c.kind === f);
      const outcome = cellOutcome(checks);
      if (!outcome) return '<td class="none"></td>';
      const label = OUTCOMES.map((o) => [o, count(checks, o)] as const)
        .filter(([, n]) => n > 0)
        .map(([o, n]) => `${n} ${o}`)
        .join(', ');
      return `<td class="${outcome}" data-family="${h(f)}" title="${h(label)}">${h(label)}</td>`;
    });
    return `<tr><th scope="row"><a href="#op-${h(op.operationId)}">${h(op.operationId)}</a> <small>${h(op.method)} ${h(op.path)}</small></th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix">${head}${rows.join('')}</table>`;
}

function findingRows(check: CheckResult): string {
  if (check.findings.length === 0) return '';
  const rows = check.findings.map(
    (f) =>
      `<tr class="${f.kind === 'spec-defect' ? 'defect' : 'violation'}"><td><code>${h(f.pointer === '' ? '(body)' : f.pointer)}</code></td><td>${h(f.rule)}${f.kind === 'spec-defect' ? ' <em>(spec defect)</em>' : ''}</td><td>${h(f.expected)}</td><td>${h(f.actual)}${f.note ? `<div class="note">${h(f.note)}</div>` : ''}</td></tr>`,
  );
  return `<table class="findings"><tr><th>where</th><th>rule</th><th>expected</th><th>actual</th></tr>${rows.join('')}</table>`;
}

function checkBlock(check: CheckResult): string {
  const parts = [
    `<summary><span class="badge ${check.outcome}">${check.outcome}</span> <span class="family">${h(check.kind)}</span> ${h(check.id)}${check.findings.length ? ` <small>(${check.findings.length} finding${check.findings.length === 1 ? '' : 's'})</small>` : ''}</summary>`,
  ];
  if (check.reason) parts.push(`<p class="reason">${h(check.reason)}</p>`);
  parts.push(findingRows(check));
  if (check.request) {
    parts.push(`<p><b>request</b> <code>${h(check.request.method)} ${h(check.request.url)}</code></p>`);
    parts.push(`<p><b>reproduce</b></p><pre class="curl">${h(toCurl(check.request))}</pre>`);
  }
  if (check.response) {
    const r = check.response;
    parts.push(
      `<p><b>response</b> <code>${r.status} ${h(r.statusText)}${r.contentType ? ` (${h(r.contentType)})` : ''}</code></p><pre>${h(r.bodyExcerpt || '(empty body)')}</pre>`,
    );
  }
  const open = check.outcome === 'failed' ? ' open' : '';
  return `<details class="check" data-outcome="${check.outcome}" data-family="${h(check.kind)}"${open}>${parts.join('')}</details>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.meta{color:#555}.meta code,pre{background:#f4f4f6;border-radius:4px}
pre{padding:.5rem;white-space:pre-wrap;word-break:break-all;margin:.2rem 0}
.totals span{display:inline-block;margin-right:1rem;font-weight:600}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .45rem;text-align:left;vertical-align:top}
.matrix td{min-width:5.5rem;font-size:12px}
.passed{background:#d9f2de}.failed{background:#f9d6d5}.skipped{background:#eceff1;color:#555}.none{background:#fff}
.badge{display:inline-block;min-width:4.2rem;text-align:center;border-radius:3px;font-size:12px;padding:0 .3rem}
.family{color:#555;font-size:12px}.check{border:1px solid #ddd;border-radius:4px;margin:.3rem 0;padding:.3rem .6rem}
.check summary{cursor:pointer}.findings{margin:.4rem 0}.defect td{background:#fff6d6}.note{color:#555;font-size:12px}
.filters label{margin-right:.8rem}.filters{margin:.5rem 0}
`;

// Filtering only hides blocks: the counts in the header always describe the whole run.
const SCRIPT = `
(function(){
  var outcome=document.getElementById('filter-outcome'),family=document.getElementById('filter-family');
  function apply(){
    var o=outcome.value,f=family.value,n=0;
    document.querySelectorAll('details.check').forEach(function(d){
      var show=(o==='all'||d.dataset.outcome===o)&&(f==='all'||d.dataset.family===f);
      d.hidden=!show;if(show)n++;
    });
    document.querySelectorAll('section.operation').forEach(function(s){
      s.hidden=!s.querySelector('details.check:not([hidden])');
    });
    document.getElementById('visible-count').textContent=String(n);
  }
  outcome.addEventListener('change',apply);family.addEventListener('change',apply);apply();
})();
`;

export function formatHtml(data: RunData): string {
  const families = familiesOf(data.checks);
  const totals = OUTCOMES.map((o) => `<span class="${o}">${o} <span id="count-${o}">${count(data.checks, o)}</span></span>`);
  const findings = data.checks.reduce((n, c) => n + c.findings.length, 0);
  const target = `${data.target.name ? `${data.target.name}: ` : ''}${data.target.url} (${data.target.kind === 'prism' ? 'a Prism mock' : 'live'})`;
  const byOperation = data.operations.map((op) => {
    const checks = data.checks.filter((c) => c.operationId === op.operationId);
    return `<section class="operation" id="op-${h(op.operationId)}"><h3>${h(op.operationId)} <small>${h(op.method)} ${h(op.path)}</small></h3>${checks.map(checkBlock).join('')}</section>`;
  });
  const option = (v: string) => `<option value="${h(v)}">${h(v)}</option>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>fungies-contract: ${h(data.target.url)}</title><style>${STYLE}</style></head>
<body>
<h1>fungies-contract report</h1>
<p class="meta">spec <code id="spec">${h(specLabel(data))}</code> · target <code>${h(target)}</code> · started ${h(data.startedAt)} · ${(data.durationMs / 1000).toFixed(1)} s${data.seed !== undefined ? ` · seed <code id="seed">${data.seed}</code>` : ''}</p>
<p class="totals"><span>checks <span id="count-total">${data.checks.length}</span></span>${totals.join('')}<span>findings <span id="count-findings">${findings}</span></span></p>
<p class="meta">reproduce the run: <code id="reproduce">${h(reproduceCommand(data))}</code></p>
<h2>Coverage: operations × check families</h2>
${matrix(data, families)}
<h2>Checks</h2>
<div class="filters">
<label>outcome <select id="filter-outcome"><option value="all">all</option>${OUTCOMES.map(option).join('')}</select></label>
<label>family <select id="filter-family"><option value="all">all</option>${families.map(option).join('')}</select></label>
showing <span id="visible-count">${data.checks.length}</span> checks
</div>
${byOperation.join('\n')}
<script>${SCRIPT}</script>
</body></html>
`;
}
