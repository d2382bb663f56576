/**
 * The identifier rules: spec strings that become names in generated code or files must look like
 * names. Each broken rule is one problem naming the JSON pointer, the rule, and the value as JSON
 * (so a hostile value cannot break the report either). docs/spec-pipeline.md ("Trust model") lists them.
 */
import { segmentsToPointer } from '../../src/json-pointer.js';
import { isPlainObject } from '../../src/plain-object.js';
import { operationParameters, specOperations } from './openapi-walk.js';
import { RESERVED_WORDS } from './reserved-words.js';
import { printable, type SpecProblem } from './spec-file.js';
import { listWebhookEvents, type WebhookEventEntry } from './webhook-events.js';

export interface IdentifierRule {
  pattern: RegExp;
  /** What the name becomes, for the message. */
  why: string;
}

/** The rules, by what they name; the messages and the docs quote `pattern.source`. */
export const IDENTIFIER_RULES = {
  operationId: { pattern: /^[A-Za-z][A-Za-z0-9_]{0,99}$/, why: 'it names a generated file, a loader and a type key' },
  pathSegment: {
    pattern: /^(?=.{1,64}$)[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$/,
    why: 'it becomes a resource group or method name (fungies.<group>.<method>)',
  },
  pathParameter: { pattern: /^[A-Za-z][A-Za-z0-9_]{0,63}$/, why: 'it becomes an argument name of a resource method' },
  webhookEvent: { pattern: /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/, why: 'it names a webhook event type in generated code' },
} satisfies Record<string, IdentifierRule>;

/** Argument names the generated methods use themselves, beside the path parameters. */
const METHOD_ARGUMENTS = new Set(['body', 'query', 'options']);

/** The value as JSON, with U+2028/U+2029 escaped too and long ones cut: always one short line. */
const show = (value: unknown) => {
  const json = printable(JSON.stringify(value) ?? String(value));
  return json.length > 80 ? `${json.slice(0, 77)}…"` : json;
};

function broken(pointer: string, what: string, value: unknown, rule: IdentifierRule, extra = ''): SpecProblem {
  return { pointer, message: `${what} ${show(value)} must match ${rule.pattern.source}${extra}: ${rule.why}` };
}

export function checkIdentifiers(doc: Record<string, unknown>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const byLowerCase = new Map<string, string>();
  for (const op of specOperations(doc)) {
    const id = op.operation['operationId'];
    // A missing or repeated operationId is reported by spec-checks.ts.
    if (typeof id === 'string' && id !== '') {
      if (!IDENTIFIER_RULES.operationId.pattern.test(id)) {
        problems.push(broken(`${op.pointer}/operationId`, 'operationId', id, IDENTIFIER_RULES.operationId));
      } else {
        // One file per operationId: two that differ only in case are one file on macOS and Windows.
        const other = byLowerCase.get(id.toLowerCase());
        if (other !== undefined && other !== id) {
          problems.push({
            pointer: `${op.pointer}/operationId`,
            message: `operationId ${show(id)} differs from ${show(other)} only in case: they would name the same file on a case-insensitive disk`,
          });
        } else byLowerCase.set(id.toLowerCase(), id);
      }
    }
    for (const { param, pointer } of operationParameters(doc, op)) {
      if (param['in'] !== 'path') continue;
      const name = param['name'];
      const rule = IDENTIFIER_RULES.pathParameter;
      if (typeof name !== 'string' || !rule.pattern.test(name) || RESERVED_WORDS.has(name) || METHOD_ARGUMENTS.has(name)) {
        problems.push(
          broken(`${pointer}/name`, 'path parameter', name, rule, `, and not be a reserved word or ${[...METHOD_ARGUMENTS].join('/')}`),
        );
      }
    }
  }
  for (const path of Object.keys(isPlainObject(doc['paths']) ? doc['paths'] : {})) {
    const pointer = segmentsToPointer(['paths', path]);
    for (const segment of path.split('/').filter((s) => s !== '')) {
      const param = /^\{([^{}]*)\}$/.exec(segment);
      if (param) {
        const rule = IDENTIFIER_RULES.pathParameter;
        if (!rule.pattern.test(param[1] ?? '')) problems.push(broken(pointer, 'path parameter', param[1], rule, ' (in the path template)'));
      } else if (!IDENTIFIER_RULES.pathSegment.pattern.test(segment)) {
        problems.push(broken(pointer, 'path segment', segment, IDENTIFIER_RULES.pathSegment, ' (or be one whole {parameter})'));
      }
    }
  }
  const rule = IDENTIFIER_RULES.webhookEvent;
  for (const key of Object.keys(isPlainObject(doc['webhooks']) ? doc['webhooks'] : {})) {
    if (!rule.pattern.test(key)) problems.push(broken(segmentsToPointer(['webhooks', key]), 'webhook name', key, rule));
  }
  for (const event of webhookEvents(doc)) {
    if (!rule.pattern.test(event.type)) {
      problems.push(broken(segmentsToPointer(['webhooks', event.key]), 'webhook event type (properties.type.const)', event.type, rule));
    }
  }
  problems.push(...protoKeys(doc));
  return problems;
}

/**
 * A `__proto__` key anywhere: generated object literals (`{"__proto__": …}`) would read it as the
 * object's prototype, not as data.
 */
function protoKeys(node: unknown, segments: (string | number)[] = []): SpecProblem[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => protoKeys(item, [...segments, i]));
  if (!isPlainObject(node)) return [];
  const here: SpecProblem[] = Object.hasOwn(node, '__proto__')
    ? [
        {
          pointer: segmentsToPointer([...segments, '__proto__']),
          message: 'a "__proto__" key is refused: an object literal in generated code would read it as the prototype',
        },
      ]
    : [];
  return here.concat(Object.entries(node).flatMap(([k, v]) => protoKeys(v, [...segments, k])));
}

/** The events the generator will read; a webhook it cannot read fails generation with its own message. */
function webhookEvents(doc: Record<string, unknown>): WebhookEventEntry[] {
  try {
    return listWebhookEvents(doc);
  } catch {
    return [];
  }
}
