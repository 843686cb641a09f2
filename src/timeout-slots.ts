/**
 * Shared per-attempt timeout signals. A fresh AbortController per attempt is the most expensive piece of a call in
 * Node (every AbortSignal is made transferable), so attempts whose timeouts end at about the same moment share one:
 * each slot aborts at the end of its window, never before an attempt's own timeout and at most one window after it.
 */

/** One shared timeout. Callers read `signal` and hand the slot back with {@link releaseTimeout}. */
export interface TimeoutSlot {
  readonly signal: AbortSignal;
}

interface Slot extends TimeoutSlot {
  readonly controller: AbortController;
  readonly timer: ReturnType<typeof setTimeout>;
  /** Attempts currently holding the slot; the timer keeps the process alive only while this is above zero. */
  active: number;
  /** Attempts that ever took the slot (capped: see {@link maxAttemptsPerSlot}). */
  uses: number;
}

/**
 * undici's fetch adds a listener to the signal per request and removes it only when that request is garbage
 * collected, and each new request lists the signal's listeners first; a small cap keeps that list short while still
 * sharing one controller among many attempts.
 */
export const maxAttemptsPerSlot = 32;
const slotsByEnd = new Map<number, Slot>();

/** Window width: 0.1% of the timeout, between 1 and 50 ms (so a 60 s timeout fires at most 50 ms late). */
function windowMs(ms: number): number {
  return ms >= 50_000 ? 50 : ms >= 2_000 ? Math.floor(ms / 1000) : 1;
}

/** A signal that aborts no sooner than `ms` from now. Pair every call with {@link releaseTimeout}. */
export function acquireTimeout(ms: number): TimeoutSlot {
  const now = performance.now();
  const width = windowMs(ms);
  const end = Math.ceil((now + ms) / width) * width;
  let slot = slotsByEnd.get(end);
  if (slot === undefined || slot.uses >= maxAttemptsPerSlot) {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      if (slotsByEnd.get(end) === created) slotsByEnd.delete(end);
      controller.abort();
    }, end - now);
    const created: Slot = { signal: controller.signal, controller, timer, active: 0, uses: 0 };
    slotsByEnd.set(end, created);
    slot = created;
  } else if (slot.active === 0) {
    keepAlive(slot.timer, true);
  }
  slot.active++;
  slot.uses++;
  return slot;
}

/** Hands a slot back. An idle slot stays for reuse until its window ends, without keeping the process alive. */
export function releaseTimeout(timeout: TimeoutSlot): void {
  const slot = timeout as Slot;
  if (--slot.active === 0) keepAlive(slot.timer, false);
}

/**
 * Node's timers can stop keeping the process alive; a browser's setTimeout returns a plain number, which has no such
 * switch and needs none (a page does not exit).
 */
function keepAlive(timer: ReturnType<typeof setTimeout>, alive: boolean): void {
  if (typeof timer !== "object" || timer === null) return;
  const handle = timer as { ref?: () => unknown; unref?: () => unknown };
  if (alive) handle.ref?.();
  else handle.unref?.();
}
