/**
 * Test-only fault injection for the write paths. Repositories call `faultPoint(step)` just
 * before each write (e.g. `subscriptions.insert`, `invoices.update`); in production nothing
 * is armed and it does nothing. A reliability test arms one step through `faultInjection`
 * (which production code never imports) to prove a failure there changes nothing.
 */

/** The error an armed fault point throws: an unexpected failure in the middle of a use case. */
export class InjectedFault extends Error {
  constructor(readonly step: string) {
    super(`Injected fault before ${step}`);
    this.name = 'InjectedFault';
  }
}

let armed: { step: string; remaining: number } | null = null;
let recording: string[] | null = null;

/** Marks a write step; throws InjectedFault when a test armed this step (and this occurrence of it). */
export function faultPoint(step: string): void {
  if (recording) recording.push(step);
  if (armed && armed.step === step && --armed.remaining === 0) {
    armed = null;
    throw new InjectedFault(step);
  }
}

/** The test API. Only reliability tests call it; arming lasts until the fault fires or disarm(). */
export const faultInjection = {
  /** Fails the `occurrence`-th (1-based) write of `step` from now on, once. */
  arm(step: string, occurrence = 1): void {
    if (!Number.isInteger(occurrence) || occurrence < 1) throw new Error(`occurrence must be 1 or more, got ${occurrence}`);
    armed = { step, remaining: occurrence };
  },
  disarm(): void {
    armed = null;
  },
  /** True while an armed fault has not fired yet. */
  isArmed(): boolean {
    return armed !== null;
  },
  /** Runs `action` and returns the write steps it passed, in order (nothing is thrown for them). */
  async record<T>(action: () => Promise<T>): Promise<{ result: T; steps: string[] }> {
    const steps: string[] = [];
    recording = steps;
    try {
      return { result: await action(), steps };
    } finally {
      recording = null;
    }
  },
};
