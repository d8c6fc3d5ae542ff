// The rest of the purchase lifecycle (issue 20): the facade that answers Pulumi, the follow-up of a bought
// domain (update, read, renewal warnings), the per-process lookups, and the pure rules beside them. buy.ts,
// the one module that starts a purchase, is held to 90% in stryker.purchase.config.mjs; this set breaks at 80.
// `npm run test:mutation:lifecycle`; CI runs it with STRYKER_TYPECHECK=off, as for money and purchase.
import { strykerSet } from "./stryker.config.mjs";

export default strykerSet("lifecycle", {
  mutate: ["provider/purchase/*.ts", "!provider/purchase/kind.ts", "provider/purchase/lookups/*.ts"],
  spec: [
    "dist/tests/unit/lifecycle.test.js",
    "dist/tests/unit/lifecycleRules.test.js",
    "dist/tests/unit/transfer.test.js",
    "dist/tests/unit/purchaseRules.test.js",
    "dist/tests/unit/warnings.test.js",
    "dist/tests/unit/progress.test.js",
    "dist/tests/provider.test.js",
    "dist/tests/provider.api.test.js",
    "dist/tests/provider.renewal.test.js",
    "dist/tests/adoptionWarnings.test.js",
    "dist/tests/freshRefusal.test.js",
    "dist/tests/purchasePath.test.js",
    "dist/tests/transfer.test.js",
    "dist/tests/registrationIndex.test.js",
    "dist/tests/domainChecks.test.js",
    "dist/tests/sharedLookups.test.js",
    "dist/tests/lifecycleFlows.test.js",
  ],
  breakAt: 80,
  typeCheck: true,
});
