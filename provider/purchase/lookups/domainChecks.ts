/**
 * The preview's domain-check answers, asked in batches. The engine calls Check one resource at a time
 * (step generation is serial: no two checks ever overlap to be batched), so the SDK tells each new
 * resource the names the program declared alongside it, and the first Check among them asks domain-check
 * about all of them in one request. The answers serve Check only, for five minutes, in this process; the look
 * right before a purchase is always its own request, never from here.
 */
// Types only: a preview of unchanged resources never needs the HTTP stack loaded.
import type { RegistrarClient } from "../../api/client";
import { ALONGSIDE_WINDOW } from "../../host/alongside";
import { ApiError } from "../../api/errors";
import type { DomainAvailability } from "../../api/schemas";

/**
 * How long an answer serves later checks. A preview prices a window within seconds, but an update that
 * buys hundreds is paced by the rate budget and the engine does not check a window's names back to back;
 * staleness costs nothing here, because the look before each POST is fresh and refuses a higher price.
 */
export const ANSWER_TTL_MS = 300_000;

interface Answer {
  /** When the answer arrived; undefined while it is being asked (callers share the request). */
  at?: number;
  result: Promise<DomainAvailability | undefined>;
}

const key = (accountId: string, domain: string) => `${accountId}/${domain.toLowerCase()}`;

export class DomainChecks {
  private readonly answers = new Map<string, Answer>();
  /** The names whose last availability() was served by a request made for an earlier check. */
  private readonly servedEarlier = new Set<string>();

  constructor(
    private readonly client: () => RegistrarClient,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = ANSWER_TTL_MS,
  ) {}

  /**
   * `domain`'s availability and price. Names `alongside` it that have no answer yet go in the same
   * request, up to a window (20, the API's most per request), for the checks that follow. `alongside`
   * is worked out only when a request is made.
   */
  async availability(domain: string, accountId: string, alongside: () => readonly string[] = () => []): Promise<DomainAvailability | undefined> {
    const shared = this.fresh(domain, accountId);
    this.servedEarlier.delete(key(accountId, domain));
    if (shared) {
      const answered = await shared.result.then(
        (result) => ({ result }),
        () => undefined,
      );
      if (answered) {
        this.servedEarlier.add(key(accountId, domain));
        return answered.result;
      }
      // The request this name rode along in failed; that failure was its asker's. Ask below.
    }
    const others = [...new Set(alongside().map((n) => n.toLowerCase()))].filter((n) => n !== domain.toLowerCase() && !this.fresh(n, accountId));
    const batch = [domain, ...others].slice(0, ALONGSIDE_WINDOW);
    try {
      return await this.ask(batch, accountId).get(key(accountId, domain))!.result;
    } catch (err) {
      // A name alongside that the API refuses must not fail this resource's check: ask about it alone.
      if (batch.length > 1 && err instanceof ApiError && err.status < 500 && err.status !== 429) {
        return this.ask([domain], accountId).get(key(accountId, domain))!.result;
      }
      throw err;
    }
  }

  /**
   * Whether `domain`'s last answer came from a request made for an earlier check (up to ANSWER_TTL_MS
   * old): a refusal must not rest on it (issue 21), so the caller asks again, alone.
   */
  answeredEarlier(domain: string, accountId: string): boolean {
    return this.servedEarlier.has(key(accountId, domain));
  }

  private fresh(domain: string, accountId: string): Answer | undefined {
    const answer = this.answers.get(key(accountId, domain));
    if (answer && (answer.at === undefined || this.now() - answer.at < this.ttlMs)) return answer;
    return undefined;
  }

  private ask(batch: readonly string[], accountId: string): Map<string, Answer> {
    const request = this.client()
      .check(batch, accountId)
      .then((results) => new Map(results.map((r) => [r.name.toLowerCase(), r])));
    const asked = new Map<string, Answer>();
    for (const name of batch) {
      const answer: Answer = { result: request.then((byName) => byName.get(name.toLowerCase())) };
      // Only the resource that asked sees a failure; the others ask again when their check comes.
      answer.result.catch(() => undefined);
      asked.set(key(accountId, name), answer);
      this.answers.set(key(accountId, name), answer);
    }
    request.then(
      () => {
        const at = this.now();
        for (const answer of asked.values()) answer.at = at;
      },
      () => {
        for (const [k, answer] of asked) if (this.answers.get(k) === answer) this.answers.delete(k);
      },
    );
    return asked;
  }
}
