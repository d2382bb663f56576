/** Text a server controls reaches an error message only as printable characters: no terminal escapes, no forged log lines. */
import { afterEach, describe, expect, it } from 'vitest';
import { BadRequestError, createFungiesClient, FungiesError, ResponseParseError, unwrap } from '../../src/index.js';
import { PUBLIC_KEY } from '../helpers.js';
import { type Loopback, loopback } from '../loopback.js';

const open: Loopback[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const HOSTILE = '\u001b[2J\u001b[31mPWNED\u0007\r\n2026-01-01T00:00:00Z INFO payment accepted\u009b1m\u202eevil';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the messages must not carry.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function errorFrom(status: number, contentType: string, body: string): Promise<FungiesError> {
  const server = await loopback((_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  });
  open.push(server);
  const client = createFungiesClient({ publicKey: PUBLIC_KEY, baseUrl: server.url, retry: false });
  const { error } = await unwrap(client.GET('/v0/orders/list')).then(
    () => ({ error: undefined }),
    (e: unknown) => ({ error: e }),
  );
  expect(error).toBeInstanceOf(FungiesError);
  return error as FungiesError;
}

describe('server text in error messages', () => {
  it('the API error envelope: escapes shown as \\u001b, the line not split', async () => {
    const error = await errorFrom(400, 'application/json', JSON.stringify({ status: 'error', error: { message: HOSTILE } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).not.toMatch(UNPRINTABLE);
    expect(error.message).toContain('\\u001b[31mPWNED');
    // The message still says what the server said; the raw text stays on apiMessage for a program to read.
    expect(error.message).toContain('payment accepted');
    expect((error as BadRequestError).apiMessage).toBe(HOSTILE);
  });

  it('a non-JSON error body', async () => {
    const error = await errorFrom(400, 'text/plain', HOSTILE);
    expect(error.message).not.toMatch(UNPRINTABLE);
    expect(error.message).toContain('PWNED');
  });

  it('a 2xx that is not JSON', async () => {
    const error = await errorFrom(200, 'text/html', HOSTILE);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).not.toMatch(UNPRINTABLE);
    expect((error as ResponseParseError).bodyExcerpt).not.toMatch(UNPRINTABLE);
  });
});
