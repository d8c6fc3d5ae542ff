/** A clock that only moves when slept on: deterministic timing for the poller and the simulator. */
export class VirtualClock {
  t = Date.parse("2026-01-01T00:00:00Z");
  now = () => this.t;
  sleep = async (ms: number) => {
    this.t += ms;
  };
}
