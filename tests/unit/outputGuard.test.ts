import { strict as assert } from "node:assert";
import type * as pulumi from "@pulumi/pulumi";
import type { DomainRegistration } from "../../sdk/domainRegistration";
import type { DomainTransfer } from "../../sdk/domainTransfer";
import type { OutputsMatch } from "../../sdk/purchaseResource";
import type { RegistrationOutputs } from "../../provider/registration/mapping";
import type { TransferOutputs } from "../../provider/transfer/mapping";

/**
 * The guard is a type: the build is this test's assertion. Each `@ts-expect-error` fails the build if the
 * guard stops catching that drift; the run only shows the guard's verdicts were what the build checked.
 */
describe("the SDK's compile-time output guard (sdk/purchaseResource.ts)", () => {
  it("invariant: both resources declare exactly the outputs their providers record; a drift either way fails the build", () => {
    const registration: OutputsMatch<DomainRegistration, RegistrationOutputs> = true;
    const transfer: OutputsMatch<DomainTransfer, TransferOutputs> = true;
    // @ts-expect-error: an output the provider records that the class does not declare
    const undeclared: OutputsMatch<Omit<DomainTransfer, "requestedPrivacyMode">, TransferOutputs> = true;
    // @ts-expect-error: an output the class declares that the provider never records
    const unrecorded: OutputsMatch<DomainRegistration & { renewedAt: pulumi.Output<string> }, RegistrationOutputs> = true;
    // The derived outputs are the program's own: neither sent to nor recorded by the provider.
    const derived: OutputsMatch<Omit<DomainTransfer, "daysUntilExpiry" | "renewalRisk">, TransferOutputs> = true;
    assert.deepEqual([registration, transfer, undeclared, unrecorded, derived], [true, true, true, true, true]);
  });
});
