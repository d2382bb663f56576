/** The client's responses are Responses: every member of Response answers from the body already read. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createBufferedResponse, isBufferedResponse } from '../../src/buffered-response.js';

const BODY = '{"status":"success","data":{"a":1}}';
const make = (status = 201, body = BODY) =>
  createBufferedResponse(
    body,
    {
      status,
      statusText: 'Created',
      headers: new Headers({ 'content-type': 'application/json', 'x-request-id': 'r1' }),
      url: 'http://127.0.0.1/v0/x',
    },
    undefined,
  );

describe('a buffered response', () => {
  it('is a Response and reports its status line, headers and url', () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(isBufferedResponse(response)).toBe(true);
    expect(isBufferedResponse(new Response(BODY))).toBe(false);
    expect(Object.prototype.toString.call(response)).toBe('[object Response]');
    expect([
      response.status,
      response.ok,
      response.statusText,
      response.url,
      response.type,
      response.redirected,
      response.bodyUsed,
    ]).toEqual([201, true, 'Created', 'http://127.0.0.1/v0/x', 'default', false, false]);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect([199, 200, 299, 300, 404].map((status) => make(status).ok)).toEqual([false, true, true, false, false]);
  });

  it('gives the body every way a Response does, as often as asked', async () => {
    const response = make();
    const decode = (bytes: ArrayBuffer | Uint8Array) => new TextDecoder().decode(bytes);
    expect(await response.json()).toEqual(JSON.parse(BODY));
    expect(await response.text()).toBe(BODY);
    expect(decode(await response.arrayBuffer())).toBe(BODY);
    expect(decode(await response.bytes())).toBe(BODY);
    expect(await (await response.blob()).text()).toBe(BODY);
    expect(await new Response(response.body).text()).toBe(BODY);
    expect(await response.clone().json()).toEqual(JSON.parse(BODY));
    expect(response.parsed()).toBe(response.parsed());
    expect(await response.json()).toBe(response.parsed());
    expect((await response.blob()).type).toBe('application/json');
    expect(make(204, '').body).toBeNull();
  });

  it('reads an empty body of a status that allows none (204, 304) like any other', async () => {
    for (const status of [204, 304]) {
      const response = make(status, '');
      expect(await response.text()).toBe('');
      expect((await response.arrayBuffer()).byteLength).toBe(0);
      expect((await response.blob()).size).toBe(0);
    }
  });

  it('reads form data through a real Response', async () => {
    const response = createBufferedResponse('a=1&b=2', {
      status: 200,
      statusText: 'OK',
      headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      url: 'http://127.0.0.1/',
    });
    expect([...(await response.formData()).entries()]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('is inspected without its body', () => {
    const shown = inspect(make(200, '{"echo":"sec_Secret123"}'));
    expect(shown).toMatch(/^Response \{/);
    expect(shown).toContain('200');
    expect(shown).toContain('x-request-id');
    expect(shown).not.toContain('sec_Secret123');
    // The caller's inspect options reach the fields shown.
    expect(inspect(make(), { colors: true })).toContain('\u001b[');
  });

  it('rejects json() of a body that is not JSON, as a Response does, and parsed() throws', async () => {
    const response = make(200, 'not json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
    expect(() => response.parsed()).toThrow(SyntaxError);
    expect(await response.text()).toBe('not json');
  });

  it('reads one header from its source when the source can, else from its headers', () => {
    const head = {
      status: 200,
      statusText: 'OK',
      headers: new Headers({ 'x-a': 'from headers' }),
      url: 'http://127.0.0.1/',
    };
    expect(createBufferedResponse('', head).header('x-a')).toBe('from headers');
    expect(createBufferedResponse('', { ...head, header: (name: string) => `from source: ${name}` }).header('x-a')).toBe(
      'from source: x-a',
    );
  });

  it('keeps the end of its deadline through a clone', () => {
    const response = createBufferedResponse(BODY, { status: 200, statusText: 'OK', headers: new Headers(), url: '' }, 1234.5);
    expect([response.endsAt, response.clone().endsAt]).toEqual([1234.5, 1234.5]);
    expect(response.clone()).not.toBe(response);
    expect(isBufferedResponse(response.clone())).toBe(true);
  });
});
