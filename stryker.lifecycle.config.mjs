// The rest of the purchase lifecycle (issue 20): the facade that answers Pulumi, the follow-up of a bought
// domain (update, read, renewal warnings), the per-process lookups, and the pure rules beside them. buy.ts,
// the one module that starts a purchase, is held to 90% in stryker.purchase.config.mjs; this set breaks at 80.
// `npm run test:mutation:lifecycle`; CI runs it with STRYKER_TYPECHECK=off, as for money and purchase.
import { strykerSet } from "./stryker.config.mjs";

export default strykerSet("lifecycle", {
  mutate: ["provider/purchase/*.ts", "!provider/purchase/kind.ts", "provider/purchase/lookups/*.ts"],
  spec: [
    "dist/tests/integration/purchase/lifecycle.test.js",
    "dist/tests/unit/lifecycleRules.test.js",
    "dist/tests/unit/transfer.test.js",
    "dist/tests/unit/purchaseRules.test.js",
    "dist/tests/integration/host/warnings.test.js",
    "dist/tests/unit/progress.test.js",
    "dist/tests/integration/workflow/progressLifecycle.test.js",
    "dist/tests/integration/registration/provider.test.js",
    "dist/tests/integration/registration/provider.api.test.js",
    "dist/tests/integration/registration/provider.renewal.test.js",
    "dist/tests/integration/purchase/adoptionWarnings.test.js",
    "dist/tests/integration/purchase/freshRefusal.test.js",
    "dist/tests/integration/purchase/purchasePath.test.js",
    "dist/tests/integration/transfer/transferProvider.test.js",
    "dist/tests/integration/purchase/registrationIndex.test.js",
    "dist/tests/integration/purchase/domainChecks.test.js",
    "dist/tests/integration/purchase/sharedLookups.test.js",
    "dist/tests/integration/purchase/lifecycleFlows.test.js",
  ],
  breakAt: 80,
  typeCheck: true,
});
