// A recorded response's headers answer `get` as WHATWG Headers answers it for the same pairs.
import { describe, expect, it } from 'vitest';
import { ReceivedHeaders } from '../../../contract-tests/engine/received-headers.js';

const RAW = [
  'Content-Type',
  'application/json',
  'X-Twice',
  'a',
  'x-twice',
  ' b\t',
  'Location',
  '  /next  ',
  'Set-Cookie',
  'a=1',
  'set-cookie',
  'b=2',
];

describe('ReceivedHeaders', () => {
  it('reads every name, in any case, as Headers.get does: repeated values joined, edge whitespace gone, absent is null', () => {
    const received = new ReceivedHeaders(RAW);
    const headers = new Headers();
    for (let i = 0; i < RAW.length; i += 2) headers.append(RAW[i]!, RAW[i + 1]!);
    for (const name of ['content-type', 'CONTENT-TYPE', 'x-twice', 'location', 'set-cookie', 'missing'])
      expect(received.get(name), name).toBe(headers.get(name));
    expect(received.get('X-Twice')).toBe('a, b');
  });

  it('gives the client the same pairs as one Headers, built once', () => {
    const received = new ReceivedHeaders(RAW);
    const headers = received.toHeaders();
    expect([...headers]).toEqual([
      ['content-type', 'application/json'],
      ['location', '/next'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['x-twice', 'a, b'],
    ]);
    expect(received.toHeaders()).toBe(headers);
  });
});
