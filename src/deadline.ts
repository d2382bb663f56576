/**
 * One attempt's deadline: a single AbortController aborted by our timer or by the caller's signal.
 * Both the timer and the caller's listener reference it, so it lives exactly as long as the attempt
 * (derived signals such as AbortSignal.any can be collected mid-request and never fire).
 */

export type StopReason = 'timeout' | 'caller';

export class AttemptDeadline {
  readonly controller = new AbortController();
  /** Why the attempt was stopped, once it was. */
  stopped: StopReason | undefined;
  /** `performance.now()` at which the attempt's time is up; undefined with no timeout. */
  readonly endsAt: number | undefined;
  /** True while the request waits for a free connection (all maxSockets of its origin are busy). */
  queued = false;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#stop('caller');
  #reject: ((reason: unknown) => void) | undefined;
  #stoppedPromise: Promise<never> | undefined;

  constructor(timeout: number | false, caller: AbortSignal | undefined) {
    this.#caller = caller;
    this.endsAt = timeout === false ? undefined : performance.now() + timeout;
    if (caller?.aborted) {
      this.#stop('caller');
      return;
    }
    caller?.addEventListener('abort', this.#onCallerAbort);
    if (timeout !== false) this.#timer = setTimeout(() => this.#stop('timeout'), timeout);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /**
   * Settles with `promise`, or rejects as soon as the deadline passes or the caller aborts, even
   * if the work ignores the signal (an injected fetch, a stalled body stream).
   */
  race<T>(promise: Promise<T>): Promise<T> {
    if (this.stopped) return Promise.reject(this.signal.reason);
    this.#stoppedPromise ??= new Promise<never>((_resolve, reject) => {
      this.#reject = reject;
    });
    return Promise.race([promise, this.#stoppedPromise]);
  }

  /** Clears the timer and the caller's listener; call once the attempt's body is read or abandoned. */
  done(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }

  #stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = reason;
    const cause = reason === 'caller' ? this.#caller?.reason : new DOMException('The attempt timed out', 'TimeoutError');
    this.controller.abort(cause);
    this.#reject?.(cause);
    this.done();
  }
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
