/**
 * Rewrites of Ajv's standalone code that keep every verdict and every error as Ajv makes them, for
 * the validators the client and the kit run on whole response bodies (a page of a thousand orders).
 */
import ts from 'typescript';

/**
 * With inlineRefs false every shared component is a function of its own, and Ajv's standalone code
 * merges a call's errors with `vErrors.concat(…)`: a new array per call, quadratic over a list whose
 * every item fails (25 000 broken orders took minutes). Appending in place keeps the same errors in
 * the same order.
 */
export function appendErrorsInPlace(code: string): string {
  return code.replace(
    /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    (_m, fn: string) => `if (vErrors === null) vErrors = ${fn}.errors; else for (const e of ${fn}.errors) vErrors.push(e);`,
  );
}

/**
 * Ajv tests `type: integer` as `!(x % 1) && !isNaN(x)`, always after `typeof x == "number"`. On a
 * number beyond the small-integer range (a millisecond timestamp), `%` is a call into C: 10 ns per
 * `createdAt`. For every number `Math.trunc(x) === x` gives the same answer: true for whole numbers
 * (-0 included) and for ±Infinity (whose `% 1` is NaN, so Ajv's test passes them too), false for
 * NaN and fractions.
 */
export function integerChecksByTrunc(code: string): string {
  return code.replace(/!\((data\d*) % 1\) && !isNaN\(\1\)/g, (_m, data: string) => `Math.trunc(${data}) === ${data}`);
}

/** How Ajv's standalone code declares a validate function's second parameter, its call context. */
const CONTEXT_PARAMETER = '{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}';
const CONTEXT_NAMES = ['instancePath', 'parentData', 'parentDataProperty', 'rootData', 'dynamicAnchors'];

/**
 * Ajv passes a validate function its context as an object: a list validator builds one per item
 * (`validate75(item, {instancePath: …, parentData, parentDataProperty: i, rootData, dynamicAnchors})`)
 * and the callee destructures it again. As five arguments, in the same order and with the same
 * defaults, each value is the same and nothing is allocated; the exported validators, called with
 * the data alone, take the defaults as before. A use of any other shape throws: the generator
 * must not guess.
 */
export function contextAsArguments(code: string): string {
  const source = ts.createSourceFile('standalone.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const functions = new Set<string>();
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const context = statement.parameters[1];
    if (statement.parameters.length !== 2 || context?.getText(source) !== CONTEXT_PARAMETER) continue;
    functions.add(statement.name.text);
    // Without the braces and the `={}` default of the whole object.
    edits.push({ start: context.getStart(source), end: context.getEnd(), text: CONTEXT_PARAMETER.slice(1, -'}={}'.length) });
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && functions.has(node.text) && !ts.isFunctionDeclaration(node.parent)) {
      const parent = node.parent;
      const called = ts.isCallExpression(parent) && parent.expression === node;
      const read =
        ts.isPropertyAccessExpression(parent) && parent.expression === node && ['errors', 'evaluated'].includes(parent.name.text);
      const exported = ts.isVariableDeclaration(parent) && parent.initializer === node;
      if (called && parent.arguments.length > 1) edits.push(argumentsEdit(parent, source));
      else if (!called && !read && !exported) {
        throw new Error(`a validate function is used in a way the rewrite does not know: ${parent.getText(source).slice(0, 120)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** The edit turning a call's context object into its five values, in order. */
function argumentsEdit(call: ts.CallExpression, source: ts.SourceFile): { start: number; end: number; text: string } {
  const context = call.arguments[1];
  const values =
    call.arguments.length === 2 && context && ts.isObjectLiteralExpression(context) && context.properties.length === CONTEXT_NAMES.length
      ? context.properties.map((p, i) => {
          if (!p.name || !ts.isIdentifier(p.name) || p.name.text !== CONTEXT_NAMES[i]) return undefined;
          if (ts.isShorthandPropertyAssignment(p)) return p.name.text;
          return ts.isPropertyAssignment(p) ? p.initializer.getText(source) : undefined;
        })
      : [];
  if (!context || values.length !== CONTEXT_NAMES.length || values.some((v) => v === undefined)) {
    throw new Error(`a validate function is called in a way the rewrite does not know: ${call.getText(source).slice(0, 120)}`);
  }
  return { start: context.getStart(source), end: context.getEnd(), text: values.join(', ') };
}
