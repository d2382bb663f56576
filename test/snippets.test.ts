// Every TypeScript snippet in the README and in docs/ compiles against the client as a user imports it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const OUT = resolve('.tmp/snippets');

/** The ```ts blocks of a Markdown page, in order. */
function tsSnippets(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '');
}

/** Type errors of the snippets, each compiled as its own module with `fungies-openapi` resolved to src/index.ts. */
function compileSnippets(snippets: { name: string; code: string }[]): string[] {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const files = snippets.map(({ name, code }) => {
    const file = join(OUT, `${name}.ts`);
    // `export {}` makes each snippet a module, as a user's file is, so top-level await compiles.
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const { config } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  const program = ts.createProgram(files, { ...options, noEmit: true, paths: { 'fungies-openapi': [resolve('src/index.ts')] } });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(resolve(d.file.fileName)))
    .map((d) => `${d.file?.fileName.slice(OUT.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** A snippet that must not compile: the proof that a broken one would be caught. */
const BROKEN = { name: 'broken', code: "import { createFungies } from 'fungies-openapi';\ncreateFungies({ publicKey: 1 });\n" };

/**
 * Type errors of every snippet of the pages and of BROKEN, from one program: checking src/ is most
 * of the work, and each snippet is its own module, so one cannot hide or cause another's errors.
 */
let compiled: { snippets: number; errors: string[] } | undefined;
function compileAll(): { snippets: number; errors: string[] } {
  if (!compiled) {
    const snippets = PAGES.flatMap((page) =>
      tsSnippets(readFileSync(page, 'utf8')).map((code, i) => ({ name: `${page.replace(/[/.]/g, '_')}-${i + 1}`, code })),
    );
    compiled = { snippets: snippets.length, errors: compileSnippets([...snippets, BROKEN]) };
  }
  return compiled;
}
const isBroken = (error: string) => error.startsWith(`${BROKEN.name}.ts: `);

describe('snippets in the README and docs/', () => {
  it('finds the ts blocks of a page, and only those', () => {
    expect(tsSnippets('a\n```ts\nconst x = 1;\n```\n```sh\nnpm test\n```\n```ts\nlet y;\n```\n')).toEqual(['const x = 1;\n', 'let y;\n']);
  });

  it('compile against the client', { timeout: 120_000 }, () => {
    const { snippets, errors } = compileAll();
    expect(snippets).toBeGreaterThanOrEqual(3);
    expect(errors.filter((e) => !isBroken(e))).toEqual([]);
  });

  it('would catch a snippet that does not compile', { timeout: 120_000 }, () => {
    expect(compileAll().errors.filter(isBroken).join('\n')).toMatch(/broken\.ts: .*number/);
  });
});
