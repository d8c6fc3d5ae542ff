import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { refuseChanges } from "../../provider/purchase/changes";
import { unfinishedMessage, type Subject } from "../../provider/purchase/outcome";
import { deleteRefusal, PartialStateError } from "../../provider/purchase/partial";
import { unpricedPreview } from "../../provider/purchase/unpriced";
import { recordedPrivacyMode, recordedState, recordState, requestedPrivacyMode, setKeys } from "../../provider/purchase/mapping";
import { adoptionNote, inFlight } from "../../provider/purchase/inFlight";
import { voiceOf } from "../../provider/purchase/voice";
import { ExtensionCatalogue } from "../../provider/purchase/lookups/extensionCatalogue";
import { RegistrationIndex } from "../../provider/purchase/lookups/registrationIndex";
import { NotFoundError, RateLimitError } from "../../provider/api/errors";
import type { RegistrarClient } from "../../provider/api/client";
import type { Registration, WorkflowStatus } from "../../provider/api/schemas";
import { registrationKind } from "../../provider/registration/kind";
import { transferKind } from "../../provider/transfer/kind";
import { UNKNOWN } from "../../provider/domain/validation";
import { VirtualClock } from "../support/clock";

/**
 * The pure rules of the purchase lifecycle, beside its flows: what a change is refused with, how an
 * unfinished workflow is worded, the delete refusal, the unpriced preview, state mapping, in-flight
 * statuses, and the per-process caches' rules (on fake clients: no sockets).
 */
const registration = registrationKind({ get: async () => undefined });
const transfer = transferKind({ get: async () => undefined }, () => undefined);
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("refuseChanges (pure)", () => {
  const olds = { domainName: "a.com", accountId: ACCOUNT, years: 2, contacts: { registrant: { email: "me@a.com", name: "Me" } } };

  it("invariant: a new domainName is refused, naming both names, the resource to add instead and how to let go", () => {
    const [r] = refuseChanges(olds, { domainName: "b.com" }, registration);
    assert.equal(r!.property, "domainName");
    assert.match(r!.reason, /^domainName cannot change from 'a\.com' to "b\.com": that would mean buying a second domain \(registrations are non-refundable\)/);
    assert.match(
      r!.reason,
      /To register another domain, add a new DomainRegistration; to stop managing 'a\.com', remove it with retainOnDelete: true or `pulumi state delete`\.$/,
    );
    const [t] = refuseChanges(olds, { domainName: "b.com" }, transfer);
    assert.match(t!.reason, /To transfer another domain, add a new DomainTransfer;/);
  });

  it("an unknown or unchanged domainName is not refused", () => {
    assert.deepEqual(refuseChanges(olds, { domainName: UNKNOWN }, registration), []);
    assert.deepEqual(refuseChanges(olds, { domainName: "a.com" }, registration), []);
  });

  it("invariant: another accountId is refused, naming both and the way to move it; an unset or unknown one is not", () => {
    const [r] = refuseChanges(olds, { domainName: "a.com", accountId: "f".repeat(32) }, transfer);
    assert.deepEqual(r, {
      property: "accountId",
      reason: `accountId cannot change from '${ACCOUNT}' to '${"f".repeat(32)}': the transfer of 'a.com' belongs to the first account. Move it between accounts in the Cloudflare dashboard, then adopt it in a new resource.`,
    });
    assert.deepEqual(refuseChanges(olds, { domainName: "a.com", accountId: UNKNOWN }, registration), []);
    assert.deepEqual(refuseChanges(olds, { domainName: "a.com" }, registration), []);
    assert.deepEqual(refuseChanges({ domainName: "a.com" }, { domainName: "a.com", accountId: ACCOUNT }, registration), []);
    assert.deepEqual(refuseChanges(olds, { domainName: "a.com", accountId: ACCOUNT }, registration), []);
  });

  it("invariant: a changed create-only input is refused with its values, as a change that needs a new purchase", () => {
    const [r] = refuseChanges(olds, { domainName: "a.com", years: 3 }, registration);
    assert.deepEqual(r, {
      property: "years",
      reason:
        "Cannot change years from 2 to 3 of 'a.com': years is used only when the domain is registered, and changing it would need a new registration, " +
        "which is never planned. Restore the previous value (or remove it from the program); change registrant details or renew in the Cloudflare dashboard.",
    });
    const [t] = refuseChanges({ domainName: "a.com", privacyMode: "redaction" }, { domainName: "a.com", privacyMode: "off" }, transfer);
    assert.match(
      t!.reason,
      /^Cannot change privacyMode from "redaction" to "off" of 'a\.com': privacyMode is used only when the domain is transferred, and changing it would need a new transfer,/,
    );
  });

  it("invariant: a changed secret input (contacts, contactExtensions, authCode) is named, never shown", () => {
    const secretKinds = { ...registration, createOnly: ["contacts", "contactExtensions", "authCode"] };
    const news = { domainName: "a.com", contacts: { registrant: { email: "you@b.com" } }, contactExtensions: { x: "SECRET-EXT" }, authCode: "NEW-CODE" };
    const was = { ...olds, contactExtensions: { x: "OLD-EXT" }, authCode: "OLD-CODE" };
    const failures = refuseChanges(was, news, secretKinds);
    assert.deepEqual(
      failures.map((f) => f.property),
      ["contacts", "contactExtensions", "authCode"],
    );
    for (const f of failures) {
      assert.match(f.reason, new RegExp(`^Cannot change the ${f.property} of 'a\\.com'`));
      assert.doesNotMatch(f.reason, /you@b\.com|me@a\.com|SECRET-EXT|OLD-EXT|NEW-CODE|OLD-CODE/);
    }
  });

  it("the same value with its keys in another order, an unknown value, or one not set before is no change", () => {
    const reordered = { domainName: "a.com", contacts: { registrant: { name: "Me", email: "me@a.com" } } };
    assert.deepEqual(refuseChanges(olds, reordered, registration), []);
    assert.deepEqual(refuseChanges(olds, { domainName: "a.com", years: UNKNOWN, contacts: { registrant: UNKNOWN } }, registration), []);
    assert.deepEqual(refuseChanges({ domainName: "a.com" }, { domainName: "a.com", years: 5 }, registration), []);
  });
});

describe("unfinishedMessage (pure)", () => {
  const s = (detailed: boolean): Subject => ({
    what: "Registration of 'a.com'",
    afterFailure: "Fix it.",
    afterAction: "Then run up.",
    afterDeadline: "Later.",
    detailed,
  });
  const workflow = { state: "failed" } as WorkflowStatus;

  it("a failure gives the registry's code and message, one full stop, and what to do", () => {
    const failed = { kind: "failed", workflow, polls: 1, code: "E1", message: "no such contact..." } as const;
    assert.equal(unfinishedMessage(failed, s(true)), "Registration of 'a.com' failed: [E1] no such contact. Fix it.");
    assert.equal(unfinishedMessage({ ...failed, message: "a.b. c." }, s(false)), "Registration of 'a.com' failed: [E1] a.b. c. Fix it.");
  });

  it("an action needed: what, where the confirmation went (detailed), or a short line", () => {
    const action = { kind: "action_required", workflow, polls: 1, action: "confirm the email", confirmationSentTo: "me@a.com" } as const;
    assert.equal(
      unfinishedMessage(action, s(true)),
      "Registration of 'a.com' is waiting for you: confirm the email (a confirmation was sent to me@a.com). Then run up.",
    );
    assert.equal(
      unfinishedMessage({ ...action, action: undefined, confirmationSentTo: undefined }, s(true)),
      "Registration of 'a.com' is waiting for you: an action is required. Then run up.",
    );
    assert.equal(unfinishedMessage(action, s(false)), "Registration of 'a.com' needs your action: confirm the email. Then run up.");
    assert.equal(unfinishedMessage({ ...action, action: undefined }, s(false)), "Registration of 'a.com' needs your action: see the dashboard. Then run up.");
  });

  it("a deadline: the state, the third party when blocked and the polls (detailed), or a short line", () => {
    const deadline = { kind: "deadline", workflow, polls: 7, state: "blocked" } as const;
    assert.equal(
      unfinishedMessage(deadline, s(true)),
      "Registration of 'a.com' is still blocked (waiting on the registry, a third party) after 7 status checks. Later.",
    );
    assert.equal(unfinishedMessage({ ...deadline, state: "pending" }, s(true)), "Registration of 'a.com' is still pending after 7 status checks. Later.");
    assert.equal(unfinishedMessage(deadline, s(false)), "Registration of 'a.com' is still blocked; Later.");
  });
});

describe("partial state and the delete refusal (pure)", () => {
  it("a PartialStateError carries the id and outputs the engine records, and its message as the one reason", () => {
    const err = new PartialStateError("unfinished", "a.com", { status: "registration_pending" });
    assert.equal(err.name, "PartialStateError");
    assert.deepEqual([err.id, err.properties, err.reasons], ["a.com", { status: "registration_pending" }, ["unfinished"]]);
  });

  it("invariant: the delete refusal says why and every way out, with the kind's note", () => {
    assert.equal(
      deleteRefusal("a.com"),
      "Refusing to delete the registration of a.com: Cloudflare domain registrations are non-refundable, and deleting this resource cannot un-register the domain. " +
        "Ways out: set autoRenew: false (and run pulumi up) to let the domain lapse at expiry; or stop managing it without touching the domain, with the resource option " +
        "retainOnDelete: true, or `pulumi state delete <urn>`.",
    );
    assert.match(
      deleteRefusal("a.com", "transfer", "It cannot be cancelled."),
      /^Refusing to delete the transfer of a\.com: .*un-register the domain\. It cannot be cancelled\. Ways out:/,
    );
  });
});

describe("unpricedPreview (pure)", () => {
  it("names each missing setting; one is 'it', two are 'them'", () => {
    const one = unpricedPreview("a.com", "registering", { credentials: false, accountId: true }, true);
    assert.ok("failure" in one);
    assert.match(
      one.failure.reason,
      /^a\.com was NOT PRICED: this run has no account id \(input accountId, [^)]*\), so its availability, price and the extension's rules were not checked\. Set it for this run;/,
    );
    const both = unpricedPreview("a.com", "registering", { credentials: true, accountId: true }, true);
    assert.ok("failure" in both);
    assert.match(
      both.failure.reason,
      /this run has no API token \([^)]*\) and no account id \([^)]*\), so .*\. Set them for this run; cloudflare-registrar:requirePricedPreview is true, so an unpriced preview fails\.$/,
    );
    const warned = unpricedPreview("a.com", "transferring", { credentials: true, accountId: false }, false);
    assert.ok("warning" in warned);
    assert.match(
      warned.warning,
      /^a\.com was NOT PRICED: this run has no API token \(config cloudflare-registrar:apiToken[^)]*\), so .*; `pulumi up` checks them before transferring it\./,
    );
  });
});

describe("purchase state mapping (pure)", () => {
  it("the requested privacyMode: the recorded one first, else the input; none when neither is set", () => {
    assert.deepEqual(requestedPrivacyMode({ privacyMode: "off" }), { requestedPrivacyMode: "off" });
    assert.deepEqual(requestedPrivacyMode({ privacyMode: "off", requestedPrivacyMode: "redaction" }), { requestedPrivacyMode: "redaction" });
    assert.deepEqual(requestedPrivacyMode({ privacyMode: "off", requestedPrivacyMode: undefined }), {});
    assert.deepEqual(requestedPrivacyMode({}), {});
    assert.deepEqual(recordedPrivacyMode({ requestedPrivacyMode: "off" }), { privacyMode: "off", requestedPrivacyMode: "off" });
    assert.deepEqual(recordedPrivacyMode({}), {});
  });

  it("setKeys echoes only what the program set", () => {
    assert.deepEqual(setKeys({ a: 1, b: undefined, c: 0 } as Record<string, unknown>, ["a", "b", "c"]), { a: 1, c: 0 });
  });

  it("the workflow state goes to the kind's output (workflowState unless it names another)", () => {
    const outs: Record<string, unknown> = {};
    recordState(registration, outs, "pending");
    recordState(transfer, outs, "blocked");
    assert.deepEqual(outs, { workflowState: "pending", transferState: "blocked" });
    assert.equal(recordedState(transfer, outs), "blocked");
    assert.equal(recordedState(registration, { transferState: "x" }), undefined);
  });
});

describe("in-flight statuses (pure)", () => {
  it("each kind knows both purchases a domain may be found in; a settled status is none", () => {
    for (const kind of [registration, transfer]) {
      assert.equal(inFlight(kind, "registration_pending")?.hold, undefined, "a registration in flight resumes");
      assert.ok(inFlight(kind, "transfer_pending")?.hold, "a transfer in flight holds every change");
      assert.equal(inFlight(kind, "active"), undefined);
      assert.equal(adoptionNote(kind, "active"), "already owned by the account; adopted with no purchase.");
      assert.match(adoptionNote(kind, "transfer_pending"), /^the domain is transferring into the account \(transfer_pending\); it is adopted as it is/);
    }
    assert.equal(registration.pending.status, "registration_pending");
    assert.equal(transfer.pending.status, "transfer_pending");
  });
});

describe("voice (pure)", () => {
  it("log lines are prefixed and redacted; warnings go to warn, or to log marked as warnings", () => {
    const logged: string[] = [];
    const warned: string[] = [];
    voiceOf({ log: (m) => logged.push(m), warn: (m) => warned.push(m) }).warn("careful");
    voiceOf({ log: (m) => logged.push(m) }).warn("careful");
    voiceOf({ log: (m) => logged.push(m) }).log("hello");
    assert.deepEqual(warned, ["cloudflare-registrar: careful"]);
    assert.deepEqual(logged, ["cloudflare-registrar: warning: careful", "cloudflare-registrar: hello"]);
  });

  it("with no log given, lines go to stderr (the engine shows the provider's stderr)", () => {
    const original = console.error;
    const seen: unknown[] = [];
    console.error = (m: unknown) => seen.push(m);
    try {
      voiceOf({}).log("hello");
    } finally {
      console.error = original;
    }
    assert.deepEqual(seen, ["cloudflare-registrar: hello"]);
  });
});

describe("ExtensionCatalogue (fake client, virtual clock)", () => {
  const rules = (tld: string) => ({ metadata: { name: tld, tld }, registration_schema: { tld } });
  let asked: Array<{ name: string; accountId?: string; ifNoneMatch?: string }>;
  let answer: (name: string) => Promise<unknown>;
  const client = {
    getExtension: (name: string, o: { accountId?: string; ifNoneMatch?: string }) => {
      asked.push({ name, ...o });
      return answer(name);
    },
  } as unknown as RegistrarClient;
  let clock: VirtualClock;
  let catalogue: ExtensionCatalogue;
  beforeEach(() => {
    asked = [];
    clock = new VirtualClock();
    catalogue = new ExtensionCatalogue(() => client, 1_000, clock);
    answer = async (name) => ({ notModified: false, etag: `"${name}-1"`, extension: rules(name) });
  });

  it("one request per extension and account, shared by concurrent callers and reused within its age", async () => {
    const [a, b] = await Promise.all([catalogue.get("com", ACCOUNT), catalogue.get("com", ACCOUNT)]);
    assert.deepEqual([a, b], [rules("com"), rules("com")]);
    clock.t += 999;
    assert.deepEqual(await catalogue.get("com", ACCOUNT), rules("com"));
    await catalogue.get("com", "other");
    assert.deepEqual(asked, [
      { name: "com", accountId: ACCOUNT, ifNoneMatch: undefined },
      { name: "com", accountId: "other", ifNoneMatch: undefined },
    ]);
  });

  it("an old copy is revalidated with its etag: a 304 keeps it for another full age", async () => {
    await catalogue.get("com", ACCOUNT);
    clock.t += 1_000;
    answer = async () => ({ notModified: true });
    assert.deepEqual(await catalogue.get("com", ACCOUNT), rules("com"));
    assert.deepEqual(asked[1], { name: "com", accountId: ACCOUNT, ifNoneMatch: '"com-1"' });
    clock.t += 999;
    await catalogue.get("com", ACCOUNT);
    assert.equal(asked.length, 2);
  });

  it("a 404 is 'no published rules', remembered; another failure reaches the caller and is not", async () => {
    answer = async () => {
      throw new NotFoundError(404, [], { method: "GET", path: "/x" }, "");
    };
    assert.equal(await catalogue.get("io", ACCOUNT), undefined);
    assert.equal(await catalogue.get("io", ACCOUNT), undefined);
    assert.equal(asked.length, 1);
    answer = async () => {
      throw new RateLimitError(429, [], { method: "GET", path: "/x" }, "");
    };
    await assert.rejects(catalogue.get("net", ACCOUNT), RateLimitError);
    answer = async (name) => ({ notModified: false, extension: rules(name) });
    assert.deepEqual(await catalogue.get("net", ACCOUNT), rules("net"));
  });

  it("a 304 with no copy to keep (an etag from elsewhere) is 'no rules', not a crash", async () => {
    answer = async () => ({ notModified: true });
    assert.equal(await catalogue.get("org", ACCOUNT), undefined);
  });
});

describe("RegistrationIndex (fake client)", () => {
  const reg = (domain_name: string, status: string) => ({ domain_name, status, auto_renew: false }) as unknown as Registration;
  const listing = [reg("active.com", "active"), reg("buying.com", "registration_pending"), reg("moving.com", "transfer_pending")];
  const client = {
    async *listRegistrations() {
      yield* listing;
    },
  } as unknown as RegistrarClient;

  it("a listed domain in flight is not settled (its refresh looks again); a settled one is", async () => {
    const index = new RegistrationIndex(() => client);
    assert.equal((await index.settled("active.com", ACCOUNT))?.status, "active");
    assert.equal(await index.settled("buying.com", ACCOUNT), undefined);
    assert.equal(await index.settled("moving.com", ACCOUNT), undefined);
    assert.equal((await index.find("Moving.COM", ACCOUNT))?.status, "transfer_pending");
  });
});

describe("the purchase flows' boundaries (source)", () => {
  const root = join(__dirname, "../../../provider");
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
    );
  const text = (file: string) => readFileSync(join(root, file), "utf8");

  it("invariant: buy.ts is the only code that starts a purchase, and it cannot reach the preview's batched price", () => {
    const starters = sources(".").filter((f) => /\.start\(/.test(text(f)));
    assert.deepEqual(starters, [join("purchase", "buy.ts")]);
    assert.doesNotMatch(text("purchase/buy.ts"), /previewPrice|answeredEarlier|DomainChecks|\bLookups\b/);
  });

  it("the lifecycle's flows name no status and branch on no kind's noun: the kinds say both", () => {
    for (const f of sources("purchase").filter((f) => !f.startsWith(join("purchase", "lookups")))) {
      assert.doesNotMatch(text(f), /"(registration|transfer)_pending"|noun === /, f);
    }
  });
});
