/**
 * AttemptDeadline and sleep on their own: every listener an attempt registers hears the stop once,
 * with the reason of the first stop; a deadline made with an already-aborted signal is stopped from
 * the start; `done()` leaves nothing behind; the signal handed to an injected fetch is one signal
 * that aborts with the attempt. Fake timers: nothing here waits for real time.
 */
import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttemptDeadline, sleep } from '../../src/deadline.js';
import { settle } from '../helpers.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A listener that records every reason it is called with. */
function recorder(): ((reason: unknown) => void) & { calls: unknown[] } {
  const calls: unknown[] = [];
  return Object.assign((reason: unknown) => void calls.push(reason), { calls });
}

describe('AttemptDeadline', () => {
  it('calls every listener once, in order, with the TimeoutError when its time is up', () => {
    const deadline = new AttemptDeadline(1_000, undefined);
    const order: number[] = [];
    const listeners = [0, 1, 2, 3].map((i) => {
      const listener = recorder();
      deadline.onStop((reason) => {
        order.push(i);
        listener(reason);
      });
      return listener;
    });
    vi.advanceTimersByTime(999);
    expect(deadline.stopped).toBeUndefined();
    expect(listeners.map((l) => l.calls.length)).toEqual([0, 0, 0, 0]);
    vi.advanceTimersByTime(1);
    expect(deadline.stopped).toBe('timeout');
    expect(order).toEqual([0, 1, 2, 3]);
    for (const listener of listeners) {
      expect(listener.calls).toHaveLength(1);
      expect(listener.calls[0]).toBeInstanceOf(DOMException);
      expect(listener.calls[0]).toMatchObject({ name: 'TimeoutError', message: 'The attempt timed out' });
    }
    expect(new Set(listeners.map((l) => l.calls[0])).size).toBe(1);
  });

  it("calls every listener with the caller's reason when the caller aborts, and lets go of its signal", () => {
    const controller = new AbortController();
    const deadline = new AttemptDeadline(false, controller.signal);
    const [a, b, c] = [recorder(), recorder(), recorder()];
    deadline.onStop(a);
    deadline.onStop(b);
    deadline.onStop(c);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    const reason = new Error('shutting down');
    controller.abort(reason);
    expect(deadline.stopped).toBe('caller');
    expect([a.calls, b.calls, c.calls]).toEqual([[reason], [reason], [reason]]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a listener added after the stop is called at once with the same reason', () => {
    const deadline = new AttemptDeadline(10, undefined);
    const early = recorder();
    deadline.onStop(early);
    vi.advanceTimersByTime(10);
    const late = recorder();
    deadline.onStop(late);
    expect(late.calls).toHaveLength(1);
    expect(late.calls[0]).toBe(early.calls[0]);
  });

  it('the first stop wins: a later timeout neither changes the reason nor calls a listener again', () => {
    const controller = new AbortController();
    const deadline = new AttemptDeadline(1_000, controller.signal);
    const listener = recorder();
    deadline.onStop(listener);
    controller.abort('first');
    deadline.timedOut();
    vi.advanceTimersByTime(2_000);
    expect(deadline.stopped).toBe('caller');
    expect(listener.calls).toEqual(['first']);
    expect(deadline.signal.reason).toBe('first');
  });

  it('made with an already-aborted signal, it is stopped from the start and sets no timer', () => {
    const controller = new AbortController();
    controller.abort('gone');
    const deadline = new AttemptDeadline(1_000, controller.signal);
    expect(deadline.stopped).toBe('caller');
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const listener = recorder();
    deadline.onStop(listener);
    expect(listener.calls).toEqual(['gone']);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe('gone');
  });

  it('done() clears its timer, its listener on the caller and its own listeners: nothing is called afterwards', () => {
    const controller = new AbortController();
    const deadline = new AttemptDeadline(1_000, controller.signal);
    const listeners = [recorder(), recorder(), recorder()];
    for (const listener of listeners) deadline.onStop(listener);
    expect(vi.getTimerCount()).toBe(1);
    deadline.done();
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    controller.abort();
    vi.advanceTimersByTime(2_000);
    expect(deadline.stopped).toBeUndefined();
    expect(listeners.map((l) => l.calls)).toEqual([[], [], []]);
    // It holds no listener either (each may hold a socket or a body): even a stop now calls none.
    deadline.timedOut();
    expect(listeners.map((l) => l.calls)).toEqual([[], [], []]);
  });

  it('its signal is one signal, not aborted until the attempt stops, then aborted with the reason', () => {
    const deadline = new AttemptDeadline(100, undefined);
    const signal = deadline.signal;
    expect(deadline.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(100);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('a signal first read after the stop is already aborted with the reason', () => {
    const controller = new AbortController();
    const deadline = new AttemptDeadline(false, controller.signal);
    controller.abort('late');
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe('late');
  });

  it('endsAt is when the time is up, and undefined with timeout: false', () => {
    const before = performance.now();
    const timed = new AttemptDeadline(5_000, undefined);
    const after = performance.now();
    expect(timed.endsAt).toBeGreaterThanOrEqual(before + 5_000);
    expect(timed.endsAt).toBeLessThanOrEqual(after + 5_000);
    timed.done();
    const untimed = new AttemptDeadline(false, undefined);
    expect(untimed.endsAt).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('race settles with the work, or rejects with the reason when the attempt stops first', async () => {
    const deadline = new AttemptDeadline(1_000, undefined);
    await expect(deadline.race(Promise.resolve('body'))).resolves.toBe('body');
    await expect(deadline.race(Promise.reject(new Error('reset')))).rejects.toThrow('reset');
    const stalled = settle(deadline.race(new Promise(() => {})));
    vi.advanceTimersByTime(1_000);
    expect(await stalled).toMatchObject({ name: 'TimeoutError' });
  });
});

describe('sleep', () => {
  it('resolves after its time and leaves no listener on the signal', async () => {
    const controller = new AbortController();
    let resolved = false;
    const slept = sleep(500, controller.signal).then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(resolved).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once with the reason of a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort('stop');
    await expect(sleep(60_000, controller.signal)).rejects.toBe('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the reason when the signal aborts during the wait, and clears its timer', async () => {
    const controller = new AbortController();
    const slept = settle(sleep(60_000, controller.signal));
    controller.abort('stop');
    expect(await slept).toBe('stop');
    expect(vi.getTimerCount()).toBe(0);
  });
});
