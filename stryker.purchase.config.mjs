// Every path that spends money or holds a secret, beyond the money modules (issue 21): the transfer kind,
// its verdict, auth code and mapping; the redaction of secrets; the registration kind (the term and body that are sent); the schema
// failure messages; buy.ts, the one module that starts a purchase (create, adopt, the look after an uncertain
// POST, resume, the wait for the workflow); and check's refusal, which rests on a fresh look. The rest of
// provider/purchase/ is held to 80% by stryker.lifecycle.config.mjs.
// `npm run test:mutation:purchase`; CI runs it with STRYKER_TYPECHECK=off, as for money.
// The spec is the fast suites that drive these modules (pure rules, and the provider against the simulator).
import { between, strykerSet } from "./stryker.config.mjs";

export default strykerSet("purchase", {
  mutate: [
    "provider/transfer/verdict.ts",
    "provider/transfer/authCode.ts",
    // The one redaction of every secret (token, auth code in every wire form, contacts).
    "provider/api/secrets.ts",
    "provider/transfer/kind.ts",
    "provider/transfer/mapping.ts",
    "provider/registration/kind.ts",
    "provider/domain/extensionSchema.ts",
    // Check's refusal: it rests on a fresh look.
    between("provider/purchase/lifecycle.ts", '    if ("failures" in priced) {', "    inputs.quote = priced.quote;"),
    // The only code that starts a purchase.
    "provider/purchase/buy.ts",
  ],
  spec: [
    "dist/tests/unit/transfer.test.js",
    "dist/tests/unit/registrationSchema.test.js",
    "dist/tests/unit/purchase*.test.js",
    "dist/tests/unit/secrets.test.js",
    "dist/tests/integration/host/secretsShims.test.js",
    "dist/tests/integration/purchase/lifecycle.test.js",
    "dist/tests/integration/purchase/freshRefusal.test.js",
    "dist/tests/integration/purchase/purchasePath.test.js",
    "dist/tests/integration/purchase/registrationIndex.test.js",
    "dist/tests/integration/registration/provider.test.js",
    "dist/tests/integration/registration/provider.api.test.js",
    "dist/tests/integration/transfer/transferProvider.test.js",
    "dist/tests/integration/purchase/domainChecks.test.js",
    "dist/tests/integration/purchase/sharedLookups.test.js",
    "dist/tests/integration/purchase/lifecycleFlows.test.js",
    "dist/tests/unit/progress.test.js",
    "dist/tests/integration/workflow/progressLifecycle.test.js",
  ],
  breakAt: 90,
  typeCheck: true,
});
