import { strict as assert } from "node:assert";
import { dearerThan, describeQuote, exceeds, fromMicros, Quote, quoteFor, toMicros } from "../../provider/domain/quote";
import { priceRoseSincePreview, priceVerdict } from "../../provider/registration/verdict";
import type { DomainAvailability } from "../../provider/api/schemas";
import { UNKNOWN } from "../../provider/domain/validation";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const usd = (registration_cost: string, renewal_cost = registration_cost, currency = "USD") => ({ currency, registration_cost, renewal_cost });
const quote = (total: string, currency = "USD"): Quote => quoteFor(usd(total, total, currency), 1);
const available = (pricing = usd("10.44"), extra: Partial<DomainAvailability> = {}): DomainAvailability =>
  ({ name: "x.com", registrable: true, tier: "standard", pricing, ...extra }) as DomainAvailability;
const refusal = (v: ReturnType<typeof priceVerdict>) => {
  assert.ok("failure" in v, `expected a refusal, got ${JSON.stringify(v)}`);
  return v.failure;
};
const allowed = (v: ReturnType<typeof priceVerdict>) => {
  assert.ok("quote" in v, `expected a quote, got ${JSON.stringify(v)}`);
  return v.quote;
};

describe("money: quote arithmetic in integer micro-units", () => {
  it("invariant: a fraction with a leading zero keeps it (12.05 is never shown as 12.5)", () => {
    assert.equal(fromMicros(12_050_000n), "12.05");
    assert.equal(fromMicros(100_000n), "0.10");
    assert.equal(fromMicros(1n), "0.000001");
    assert.equal(fromMicros(toMicros("7.005")), "7.005");
    assert.equal(quoteFor(usd("12.05"), 1).firstTermTotal, "12.05");
  });

  it("invariant: amounts show at least cents and no trailing zeros beyond them", () => {
    assert.equal(fromMicros(12_000_000n), "12.00");
    assert.equal(fromMicros(12_500_000n), "12.50");
    assert.equal(fromMicros(0n), "0.00");
    assert.equal(fromMicros(10_440_000n), "10.44");
    assert.equal(fromMicros(123_456_789n), "123.456789");
  });

  it("invariant: decimal strings parse exactly, to the micro-unit", () => {
    assert.equal(toMicros("12.05"), 12_050_000n);
    assert.equal(toMicros("12.5"), 12_500_000n);
    assert.equal(toMicros("12"), 12_000_000n);
    assert.equal(toMicros("0.000001"), 1n);
    assert.equal(toMicros(" 3.25 "), 3_250_000n);
    assert.equal(toMicros(12.05), 12_050_000n, "a number is read through its 6-digit decimal form, not its float bits");
    assert.equal(toMicros(0.1 + 0.2), 300_000n);
    assert.equal(toMicros("1.0000019"), 1_000_001n, "digits past the micro-unit are dropped, never rounded up");
  });

  for (const bad of ["-1", "1e3", "abc", "", "1.", ".5", "1.2.3", "$5", "5 USD"]) {
    it(`invariant: '${bad}' is not an amount, and the error names it`, () => {
      assert.throws(
        () => toMicros(bad),
        (err: Error) => err.message === `not a decimal amount: '${bad}'`,
      );
    });
  }

  it("invariant: the first term is the first year plus the renewal price for each later year", () => {
    const q = quoteFor(usd("10.44", "12.00"), 3);
    assert.deepEqual(q, { currency: "USD", registrationCost: "10.44", renewalCost: "12.00", years: 3, firstTermTotal: "34.44" });
    assert.equal(quoteFor(usd("10.44", "99.00"), 1).firstTermTotal, "10.44", "one year costs the registration price only");
    assert.equal(quoteFor(usd("0.10", "0.20"), 10).firstTermTotal, "1.90", "no float drift over many years");
  });

  it("invariant: maxPrice equal to the price is allowed; one micro-unit less is not", () => {
    assert.equal(exceeds(quote("10.44"), 10.44), false);
    assert.equal(exceeds(quote("10.44"), 10.439999), true);
    assert.equal(exceeds(quote("10.44"), 10.440001), false);
  });

  it("invariant: maxPrice is compared exactly, never rounded to cents first (10.439 does not allow 10.44)", () => {
    assert.equal(exceeds(quote("10.44"), 10.439), true);
    assert.equal(exceeds(quote("10.445"), 10.44), true, "a sub-cent price above the limit is above it");
    assert.equal(exceeds(quote("10.435"), 10.44), false);
  });

  it("invariant: maxPrice 0 refuses every priced domain and allows only a free one", () => {
    assert.equal(exceeds(quote("0.01"), 0), true);
    assert.equal(exceeds(quote("0.000001"), 0), true);
    assert.equal(exceeds(quote("0"), 0), false);
  });

  it("invariant: a fresh quote is dearer when it costs more, or when its currency changed", () => {
    assert.equal(dearerThan(quote("10.44"), quote("10.44")), false);
    assert.equal(dearerThan(quote("10.440001"), quote("10.44")), true);
    assert.equal(dearerThan(quote("10.43"), quote("10.44")), false, "cheaper is fine");
    assert.equal(dearerThan(quote("9.00", "EUR"), quote("10.44", "USD")), true, "another currency is never comparable");
  });

  it("describes a quote with currency, total, term and the renewal price", () => {
    assert.equal(describeQuote(quoteFor(usd("10.44", "12.00"), 1)), "USD 10.44 for 1 year (first year 10.44, then 12.00/year; renews at 12.00/year)");
    assert.equal(describeQuote(quoteFor(usd("10.44", "12.00"), 2)), "USD 22.44 for 2 years (first year 10.44, then 12.00/year; renews at 12.00/year)");
  });
});

describe("money: the pricing verdict", () => {
  const verdict = (result: DomainAvailability | undefined, maxPrice?: unknown, years = 1) => priceVerdict("x.com", ACCOUNT, result, years, maxPrice);

  it("invariant: maxPrice equal to the price is allowed, and the quote is what gets bought", () => {
    assert.deepEqual(allowed(verdict(available(), 10.44)), quoteFor(usd("10.44"), 1));
    assert.deepEqual(allowed(verdict(available(usd("10.44", "12.00")), undefined, 2)), quoteFor(usd("10.44", "12.00"), 2));
  });

  it("invariant: a price above maxPrice is refused on maxPrice, naming the price, the limit and the fix", () => {
    const f = refusal(verdict(available(), 10.43));
    assert.equal(f.property, "maxPrice");
    assert.equal(
      f.reason,
      "'x.com' costs USD 10.44 for 1 year (first year 10.44, then 10.44/year; renews at 10.44/year), above maxPrice 10.43. Raise maxPrice if that price is acceptable, or choose another name.",
    );
  });

  it("invariant: maxPrice 0 refuses a priced domain", () => {
    assert.equal(refusal(verdict(available(), 0)).property, "maxPrice");
  });

  it("invariant: the limit covers the whole first term, not the first year", () => {
    assert.equal(refusal(verdict(available(usd("10.00", "12.00")), 20, 2)).property, "maxPrice");
  });

  it("invariant: an unknown maxPrice (a preview with unresolved inputs) does not refuse", () => {
    assert.ok("quote" in verdict(available(), UNKNOWN));
  });

  it("invariant: a premium domain the check calls registrable is never bought (verdict refuses, so no POST)", () => {
    const f = refusal(verdict(available(usd("10.44"), { tier: "premium" }), 1_000_000));
    assert.equal(f.property, "domainName");
    assert.equal(f.reason, "'x.com' is a premium domain; premium registration is not supported by the Cloudflare API.");
  });

  it("invariant: without pricing there is nothing to buy at a known price, even when registrable", () => {
    const f = refusal(verdict(available(usd("10.44"), { pricing: undefined })));
    assert.equal(f.reason, "'x.com' cannot be registered through the API (reason: not given).");
  });

  it("invariant: a domain the check does not call registrable is refused even with a price", () => {
    const f = refusal(verdict(available(usd("10.44"), { registrable: false, reason: "domain_unavailable" })));
    assert.match(f.reason, /^'x\.com' is not available: it is already registered, reserved or otherwise unavailable\. Choose another name/);
  });

  it("refuses a missing availability result, saying the name may be malformed", () => {
    const f = refusal(verdict(undefined));
    assert.equal(f.property, "domainName");
    assert.equal(f.reason, "Cloudflare did not return an availability result for 'x.com': the name may be malformed.");
  });

  const reasons: Array<[string | undefined, string]> = [
    [
      "domain_premium",
      "'x.com' is a premium domain; premium registration is not supported by the Cloudflare API. Choose another name, or buy it in the dashboard and adopt it.",
    ],
    [
      "extension_not_supported_via_api",
      `'x.com': Cloudflare sells this extension in the dashboard but not through the API. Register it at https://dash.cloudflare.com/${ACCOUNT}/domains/registrations; this resource then adopts it.`,
    ],
    ["extension_disallows_registration", "'x.com': the registry for this extension has frozen new registrations. No registrar can register it now."],
    [
      "extension_not_supported",
      "'x.com': Cloudflare Registrar does not sell '.com' at all, in the dashboard or through the API. Choose another extension, or register it at a registrar that sells it.",
    ],
    ["a_reason_from_tomorrow", "'x.com' cannot be registered through the API (reason: a_reason_from_tomorrow)."],
    [undefined, "'x.com' cannot be registered through the API (reason: not given)."],
  ];
  for (const [reason, message] of reasons) {
    it(`refuses an unregistrable domain (reason ${reason ?? "absent"}) with the fix for that reason`, () => {
      const f = refusal(verdict({ name: "x.com", registrable: false, reason } as DomainAvailability));
      assert.deepEqual(f, { property: "domainName", reason: message });
    });
  }
});

describe("money: the dearer-than-preview guard", () => {
  it("invariant: the purchase goes ahead at the previewed price, or when there was no preview", () => {
    assert.equal(priceRoseSincePreview("x.com", quote("10.44"), quote("10.44")), undefined);
    assert.equal(priceRoseSincePreview("x.com", quote("10.00"), quote("10.44")), undefined);
    assert.equal(priceRoseSincePreview("x.com", quote("10.44"), undefined), undefined);
  });

  it("invariant: a price that rose after the preview stops the purchase, showing both prices and the fix", () => {
    assert.equal(
      priceRoseSincePreview("x.com", quote("12.00"), quote("10.44")),
      "Not registering 'x.com': the price rose from USD 10.44 for 1 year (first year 10.44, then 10.44/year; renews at 10.44/year) (shown in the preview) to " +
        "USD 12.00 for 1 year (first year 12.00, then 12.00/year; renews at 12.00/year). Run `pulumi preview` again to review the new price, then `pulumi up`.",
    );
  });

  it("invariant: a quote whose currency changed between preview and purchase is refused, even if the number is lower", () => {
    assert.match(priceRoseSincePreview("x.com", quote("9.00", "EUR"), quote("10.44", "USD")) ?? "", /from USD 10\.44 .* to EUR 9\.00 /);
  });
});
