/**
 * What each extension requires, as the API publishes it (GET /extensions/{ext}), cached for the life
 * of the provider process: one full fetch per extension, however many resources use it. A copy older
 * than `maxAgeMs` is revalidated with If-None-Match, so an unchanged extension costs a 304 and no body.
 * Nothing here is written to state.
 */
import type { RegistrarClient } from "../../api/client";
import { NotFoundError } from "../../api/errors";
import type { Extension } from "../../api/schemas";
import { type Clock, realClock } from "../../api/clock";

interface Entry {
  extension: Extension | undefined;
  etag?: string;
  fetchedAt: number;
}

export class ExtensionCatalogue {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Extension | undefined>>();

  constructor(
    private readonly client: () => RegistrarClient,
    private readonly maxAgeMs = 10 * 60_000,
    private readonly clock: Clock = realClock,
  ) {}

  /** The extension's rules, or undefined when the API publishes none for it (it answers 404). */
  get(name: string, accountId: string): Promise<Extension | undefined> {
    const key = `${accountId}/${name}`;
    // Resources are checked concurrently: share one request per extension.
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.load(key, name, accountId).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async load(key: string, name: string, accountId: string): Promise<Extension | undefined> {
    const cached = this.entries.get(key);
    if (cached && this.clock.now() - cached.fetchedAt < this.maxAgeMs) return cached.extension;
    try {
      const answer = await this.client().getExtension(name, { accountId, ifNoneMatch: cached?.etag });
      if (answer.notModified && cached) {
        cached.fetchedAt = this.clock.now();
        return cached.extension;
      }
      const entry: Entry = answer.notModified
        ? { extension: undefined, fetchedAt: this.clock.now() }
        : { extension: answer.extension, etag: answer.etag, fetchedAt: this.clock.now() };
      this.entries.set(key, entry);
      return entry.extension;
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      this.entries.set(key, { extension: undefined, fetchedAt: this.clock.now() });
      return undefined;
    }
  }
}
