/**
 * Splits one Ajv standalone module into CommonJS factories by who uses what: the code only one owner
 * (an operation, or the webhooks) reaches goes into that owner's file, the code two or more reach
 * goes once into a shared file. Compiled with `inlineRefs: false`, every component schema is one
 * function, so a component the orders and the subscriptions both embed is shipped once, and a
 * client loads an operation's own validators plus, only when it needs them, the shared ones.
 */
import ts from 'typescript';

/** A top-level declaration of the standalone code: its text and the declarations it refers to. */
interface Declaration {
  name: string;
  statements: ts.Statement[];
  text: string[];
  uses: Set<string>;
}

export interface SplitModules {
  /** The shared declarations' code, in their original order, and the names other files read from it. */
  shared: { code: string; names: string[] };
  /** Owner → its own declarations' code and the shared names it reads. */
  owners: Map<string, { code: string; sharedNames: string[] }>;
  /** Export name → the validate function it stands for. */
  exported: Map<string, string>;
}

/**
 * `owners`: export name → owner; `rewrite` may change a declaration's code (by its name). Throws on
 * any statement the split does not know how to place.
 */
export function splitStandalone(
  code: string,
  owners: Map<string, string>,
  rewrite: (name: string, text: string) => string = (_name, text) => text,
): SplitModules {
  const source = ts.createSourceFile('standalone.js', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const declarations = new Map<string, Declaration>();
  const exported = new Map<string, string>();
  const pending: ts.Statement[] = [];
  for (const statement of source.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) continue; // "use strict"
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      declarations.set(statement.name.text, declarationOf(statement.name.text, statement, source));
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
      const [declaration] = statement.declarationList.declarations;
      if (!declaration || !ts.isIdentifier(declaration.name) || !declaration.initializer) throw unplaced(statement, source);
      if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        exported.set(declaration.name.text, declaration.initializer.getText(source));
      } else {
        declarations.set(declaration.name.text, declarationOf(declaration.name.text, statement, source));
      }
    } else pending.push(statement);
  }
  // Anything else (e.g. `validate10.evaluated = …`) belongs with the declaration it assigns to.
  for (const statement of pending) {
    const target = ts.isExpressionStatement(statement) ? assignedName(statement.expression) : undefined;
    const owner = target === undefined ? undefined : declarations.get(target);
    if (!owner) throw unplaced(statement, source);
    owner.statements.push(statement);
    owner.text.push(statement.getText(source));
  }
  for (const [name, declaration] of declarations) {
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && n.text !== name && declarations.has(n.text)) declaration.uses.add(n.text);
      ts.forEachChild(n, visit);
    };
    for (const statement of declaration.statements) visit(statement);
  }

  const reachedBy = new Map<string, Set<string>>();
  for (const [exportName, target] of exported) {
    const owner = owners.get(exportName);
    if (owner === undefined) throw new Error(`standalone export ${exportName} has no owner`);
    const stack = [target];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const declaration = declarations.get(name);
      if (!declaration) throw new Error(`standalone code refers to ${name}, which it does not declare`);
      const by = reachedBy.get(name) ?? new Set<string>();
      by.add(owner);
      reachedBy.set(name, by);
      stack.push(...declaration.uses);
    }
  }

  const sharedCode: string[] = [];
  const ownCode = new Map<string, string[]>();
  const isShared = (name: string) => (reachedBy.get(name)?.size ?? 0) > 1;
  for (const [name, declaration] of declarations) {
    const by = reachedBy.get(name);
    if (!by) continue; // reached by no export: dead code
    const text = declaration.text.map((t) => rewrite(name, t));
    if (by.size > 1) sharedCode.push(...text);
    else {
      const [owner] = by as Set<string>;
      ownCode.set(owner!, [...(ownCode.get(owner!) ?? []), ...text]);
    }
  }
  const sharedRead = new Set<string>();
  const result = new Map<string, { code: string; sharedNames: string[] }>();
  for (const owner of new Set(owners.values())) {
    const reads = new Set<string>();
    for (const [name, by] of reachedBy) {
      if (!by.has(owner) || isShared(name)) continue;
      for (const used of declarations.get(name)!.uses) if (isShared(used)) reads.add(used);
    }
    for (const [exportName, target] of exported) if (owners.get(exportName) === owner && isShared(target)) reads.add(target);
    for (const name of reads) sharedRead.add(name);
    result.set(owner, { code: (ownCode.get(owner) ?? []).join('\n'), sharedNames: [...reads].sort() });
  }
  return { shared: { code: sharedCode.join('\n'), names: [...sharedRead].sort() }, owners: result, exported };
}

function declarationOf(name: string, statement: ts.Statement, source: ts.SourceFile): Declaration {
  return { name, statements: [statement], text: [statement.getText(source)], uses: new Set() };
}

function assignedName(expression: ts.Expression): string | undefined {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  let left: ts.Expression = expression.left;
  while (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) left = left.expression;
  return ts.isIdentifier(left) ? left.text : undefined;
}

function unplaced(statement: ts.Statement, source: ts.SourceFile): Error {
  return new Error(`cannot place this standalone validator statement: ${statement.getText(source).slice(0, 120)}`);
}
