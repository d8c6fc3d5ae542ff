/**
 * Time, as one seam: the transport's retry waits, the rate budget, the catalogue's cache and the workflow
 * poller all take a `Clock`, so tests drive every wait on a virtual clock instead of sleeping.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
