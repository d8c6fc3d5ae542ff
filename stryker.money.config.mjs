// The money modules: quote arithmetic, the pricing verdict and the dearer-than-preview guard. Their
// own fast unit tests must kill at least 90% of the mutants (CI runs this set after `npm test`).
import { strykerSet } from "./stryker.config.mjs";

export default strykerSet("money", {
  mutate: ["provider/domain/quote.ts", "provider/registration/verdict.ts"],
  spec: ["dist/tests/unit/money.test.js"],
  breakAt: 90,
  typeCheck: true,
});
