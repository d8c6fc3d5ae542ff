/**
 * The account's registrations, listed once per provider process: a stack of hundreds of domains asks
 * "does the account own this?" once per page instead of once per domain. Lives only in the provider
 * process, never in state. It answers the preview's and refresh's questions; the look right before a
 * purchase never comes from here.
 */
import type { RegistrarClient } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { Registration } from "../../api/schemas";

/** The page size asked of List Registrations: the largest known to be accepted; an API that refuses it lists at its default. */
export const LIST_PAGE_SIZE = 100;

const IN_FLIGHT = new Set(["registration_pending", "transfer_pending"]);

type Listing = Map<string, Registration>;

const key = (domain: string) => domain.toLowerCase();

export class RegistrationIndex {
  /** Per account: the listing, in flight or done. Concurrent callers share one. */
  private readonly listings = new Map<string, Promise<Listing>>();
  /** Per account: the finished listing, for answers that must not start one. */
  private readonly filled = new Map<string, Listing>();

  constructor(private readonly client: () => RegistrarClient) {}

  /** The account's registration of `domain` as listed in this process (the first call lists), or undefined. */
  async find(domain: string, accountId: string): Promise<Registration | undefined> {
    return (await this.listing(accountId)).get(key(domain));
  }

  /**
   * The listed registration when it is settled. One still in flight (registration_pending,
   * transfer_pending) moves on its own, so its refresh looks again rather than repeat the listing.
   */
  async settled(domain: string, accountId: string): Promise<Registration | undefined> {
    const reg = await this.find(domain, accountId);
    return reg && !IN_FLIGHT.has(reg.status) ? reg : undefined;
  }

  /** What this process already knows, without any request: undefined when not listed here or not held. */
  known(domain: string, accountId: string): Registration | undefined {
    return this.filled.get(accountId)?.get(key(domain));
  }

  /** A fresher registration than the listing's (bought, adopted or changed by this process). */
  record(reg: Registration, accountId: string): void {
    this.filled.get(accountId)?.set(key(reg.domain_name), reg);
  }

  private listing(accountId: string): Promise<Listing> {
    let pending = this.listings.get(accountId);
    if (!pending) {
      pending = this.list(accountId).then(
        (listing) => {
          this.filled.set(accountId, listing);
          return listing;
        },
        (err: unknown) => {
          // A failed listing is not remembered: the next caller tries again.
          this.listings.delete(accountId);
          throw err;
        },
      );
      this.listings.set(accountId, pending);
    }
    return pending;
  }

  private async list(accountId: string): Promise<Listing> {
    try {
      return await this.pages(accountId, LIST_PAGE_SIZE);
    } catch (err) {
      // An API that refuses this page size still lists at its default; anything else is a real failure.
      if (!(err instanceof ApiError && err.status === 400)) throw err;
      return this.pages(accountId, undefined);
    }
  }

  private async pages(accountId: string, perPage: number | undefined): Promise<Listing> {
    const listing: Listing = new Map();
    for await (const reg of this.client().listRegistrations({ perPage }, accountId)) listing.set(key(reg.domain_name), reg);
    return listing;
  }
}
