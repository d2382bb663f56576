/** What a hostile server sends never reaches the terminal raw, never breaks the JUnit XML, never leaks a key. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../contract-tests/cli.js';
import { LIED_OPERATION } from '../../contract-tests/fixtures/lying-server.js';
import { KEYS, memoryIo, useLyingServer, useTempDir } from './helpers.js';

const server = useLyingServer();
const tmp = useTempDir('fungies-safety-');

// C0 and C1 controls, DEL, bidi overrides, lone surrogates: none may reach a terminal or a file raw.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('output safety against a hostile server', () => {
  it('escapes control characters, keeps the JUnit XML valid and masks keys echoed glued to other text', async () => {
    const json = join(tmp.dir, 'report.json');
    const junit = join(tmp.dir, 'junit.xml');
    const io = memoryIo('', { NO_COLOR: '1', FUNGIES_PUBLIC_KEY: KEYS.publicKey, FUNGIES_SECRET_KEY: KEYS.secretKey });
    const code = await main(
      ['run', '--target', server.url('hostile-text'), '--operation', LIED_OPERATION, '--allow-writes', '--json', json, '--junit', junit],
      io,
    );
    expect(code).toBe(1);
    const terminal = io.out() + io.err();
    const files = { terminal, json: await readFile(json, 'utf8'), junit: await readFile(junit, 'utf8') };
    expect(terminal).toContain('\\u001b[2J');
    for (const [name, text] of Object.entries(files)) {
      expect(UNSAFE.exec(text)?.[0], name).toBeUndefined();
      expect(text, name).not.toContain(KEYS.publicKey);
      expect(text, name).not.toContain(KEYS.secretKey);
    }
    expect(files.junit).not.toContain(']]>');
    expect(files.junit.match(/<failure /g)?.length).toBe(files.junit.match(/<\/failure>/g)?.length);
    expect(() => JSON.parse(files.json)).not.toThrow();
  });
});

describe('output safety of a saved file', () => {
  // A saved body or event may hold anything: `check` and `check webhook` print it the same safe way.
  const hostile = '\u202e\u009b31m\u001b[2J';
  it.each([
    [
      'check webhook, a field of the wrong type',
      ['check', 'webhook', 'payment_success', '-'],
      `{"type":"payment_success","id":"${hostile}"}`,
    ],
    ['check webhook, the wrong event type', ['check', 'webhook', 'payment_success', '-'], `{"type":"${hostile}"}`],
    ['check webhook, not JSON', ['check', 'webhook', 'payment_success', '-'], `${hostile}{`],
    ['check, not JSON', ['check', LIED_OPERATION, '200', '-'], `${hostile}{`],
  ])('%s: no control character reaches the terminal raw', async (_name, argv, stdin) => {
    const io = memoryIo(stdin, { NO_COLOR: '1' });
    expect(await main(argv, io)).toBe(1);
    expect(UNSAFE.exec(io.out() + io.err())?.[0]).toBeUndefined();
  });
});
