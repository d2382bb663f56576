// ApiPromise and ListPromise: when the request is sent, how often, and how results and errors come out.
import { describe, expect, it } from 'vitest';
import { ApiPromise, ListPromise } from '../../../src/index.js';
import { Paginator } from '../../../src/paginate.js';

const response = (headers: Record<string, string> = {}) => new Response('{}', { headers });

describe('ApiPromise', () => {
  it('sends once, however often it is awaited or asked for the response', async () => {
    let sent = 0;
    const p = new ApiPromise(async () => ({ data: ++sent, response: response({ 'x-request-id': 'r1' }) }));
    expect(await p).toBe(1);
    expect(await p).toBe(1);
    expect(await p.withResponse()).toMatchObject({ data: 1, requestId: 'r1' });
    expect(sent).toBe(1);
  });

  it('starts at once, so a call that is never awaited is still sent', async () => {
    let sent = 0;
    void new ApiPromise(async () => ({ data: ++sent, response: response() }));
    expect(sent).toBe(1);
  });

  it('rejects through then, catch and withResponse alike', async () => {
    const boom = new Error('boom');
    const p = new ApiPromise<number>(async () => {
      throw boom;
    });
    await expect(p).rejects.toBe(boom);
    expect(await p.catch((e: unknown) => e)).toBe(boom);
    await expect(p.withResponse()).rejects.toBe(boom);
  });

  it('runs finally and keeps the value', async () => {
    let ran = false;
    expect(await new ApiPromise(async () => ({ data: 'v', response: response() })).finally(() => (ran = true))).toBe('v');
    expect(ran).toBe(true);
  });
});

describe('ListPromise', () => {
  it('sends nothing until awaited, and iterates through its own iterator', async () => {
    let sent = 0;
    const list = new ListPromise(
      async () => ({ data: ++sent, response: response() }),
      () =>
        new Paginator<string>(async function* () {
          yield { items: ['a', 'b'], total: 2, page: 1 };
        }),
    );
    expect(sent).toBe(0);
    const items: string[] = [];
    for await (const item of list) items.push(item);
    expect(items).toEqual(['a', 'b']);
    expect(sent).toBe(0);
    expect(await list).toBe(1);
  });
});
