// Every path that spends money or holds a secret, beyond the money modules (issue 21): the transfer kind,
// its verdict, auth code and mapping; the redaction of secrets; the registration kind (the term and body that are sent); the schema
// failure messages; and the lifecycle's purchase path (create, the look after an uncertain POST, resume,
// adopt). `npm run test:mutation:purchase`; CI runs it with STRYKER_TYPECHECK=off, as for money.
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
    // Check's refusal (it rests on a fresh look), and create: adopt, the POST, the look after an uncertain
    // answer, resume, and the wait for the workflow.
    between("provider/purchase/lifecycle.ts", '    if ("failures" in priced) {', "  private sandboxNote"),
    between("provider/purchase/lifecycle.ts", "  // ---- create", "  // ---- update"),
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
  ],
  breakAt: 90,
  typeCheck: true,
});
