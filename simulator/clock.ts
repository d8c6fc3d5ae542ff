/**
 * The simulator's one clock. Workflow timing, the create/PATCH wait window, delay faults, Retry-After
 * dates and log timestamps all read it, so a test that moves a virtual clock moves all of them together.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** `clock` wins; a bare `now` (the older option) keeps real sleeps, so waits still end in real time. */
export function resolveClock(options: { clock?: Clock; now?: () => number }): Clock {
  if (options.clock) return options.clock;
  if (options.now) return { now: options.now, sleep: systemClock.sleep };
  return systemClock;
}
