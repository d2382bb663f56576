/**
 * One attempt's deadline, stopped by our timer or by the caller's signal. Both the timer and the
 * caller's listener reference it, so it lives exactly as long as the attempt (derived signals such
 * as AbortSignal.any can be collected mid-request and never fire). The node:http sender listens
 * with `onStop`; an AbortSignal (for an injected fetch) is made only when one is asked for:
 * an AbortController with a listener costs more than the rest of a call's bookkeeping.
 */

export type StopReason = 'timeout' | 'caller';

export class AttemptDeadline {
  /** Why the attempt was stopped, once it was. */
  stopped: StopReason | undefined;
  /** `performance.now()` at which the attempt's time is up; undefined with no timeout. */
  readonly endsAt: number | undefined;
  /** True while the request waits for a free connection (all maxSockets of its origin are busy). */
  queued = false;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #caller: AbortSignal | undefined;
  #onCallerAbort: (() => void) | undefined;
  #controller: AbortController | undefined;
  // Two slots before a list: an attempt registers one or two listeners (the request, then its body).
  #first: ((reason: unknown) => void) | undefined;
  #second: ((reason: unknown) => void) | undefined;
  #more: ((reason: unknown) => void)[] | undefined;
  #reason: unknown;

  constructor(timeout: number | false, caller: AbortSignal | undefined) {
    this.#caller = caller;
    this.endsAt = timeout === false ? undefined : performance.now() + timeout;
    if (caller) {
      if (caller.aborted) {
        this.#stop('caller');
        return;
      }
      this.#onCallerAbort = () => this.#stop('caller');
      caller.addEventListener('abort', this.#onCallerAbort);
    }
    if (timeout !== false) this.#timer = setTimeout(stopOnTimeout, timeout, this);
  }

  /** A signal that aborts when the attempt stops, for work that takes one (an injected fetch). */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.stopped) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Calls `listener` with the reason when the attempt stops (at once if it has). */
  onStop(listener: (reason: unknown) => void): void {
    if (this.stopped) {
      listener(this.#reason);
      return;
    }
    if (!this.#first) this.#first = listener;
    else if (!this.#second) this.#second = listener;
    else {
      this.#more ??= [];
      this.#more.push(listener);
    }
  }

  /**
   * Settles with `promise`, or rejects as soon as the deadline passes or the caller aborts, even
   * if the work ignores the signal (an injected fetch, a stalled body stream).
   */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.onStop(reject);
      promise.then(resolve, reject);
    });
  }

  /** Clears the timer and the caller's listener; call once the attempt's body is read or abandoned. */
  done(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#onCallerAbort) this.#caller?.removeEventListener('abort', this.#onCallerAbort);
    this.#first = undefined;
    this.#second = undefined;
    this.#more = undefined;
  }

  /** Ends the attempt because its time is up (the timer's callback). */
  timedOut(): void {
    this.#stop('timeout');
  }

  #stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = reason;
    const cause = reason === 'caller' ? this.#caller?.reason : new DOMException('The attempt timed out', 'TimeoutError');
    this.#reason = cause;
    const first = this.#first;
    const second = this.#second;
    const more = this.#more;
    this.done();
    this.#controller?.abort(cause);
    first?.(cause);
    second?.(cause);
    if (more) for (const listener of more) listener(cause);
  }
}

/** The timer's callback: one function for every attempt, not a closure per attempt. */
function stopOnTimeout(deadline: AttemptDeadline): void {
  deadline.timedOut();
}

/** Waits `ms`, or rejects at once when `signal` aborts (a long Retry-After must not outlive an abort). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
