import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { pluginInputs } from "../../../sdk/plugin";

const CONTACTS = {
  registrant: {
    email: "r@example.org",
    phone: "+1.5555550100",
    postalInfo: { name: "R", address: { street: "1 Way", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
  },
};

const secretOrAbsent = async (v: unknown) => (v === undefined ? "absent" : pulumi.Output.isInstance(v) && (await pulumi.isSecret(v)) ? "secret" : "plain");

describe("the plugin's TypeScript resources", () => {
  it("send contacts, contactExtensions and the auth code as secrets, even when the program did not mark them", async () => {
    const inputs = pluginInputs({ domainName: "example.com", contacts: CONTACTS, contactExtensions: { "us-nexus": "C11" }, authCode: "code-1234" });
    assert.equal(await secretOrAbsent(inputs.contacts), "secret");
    assert.equal(await secretOrAbsent(inputs.contactExtensions), "secret");
    assert.equal(await secretOrAbsent(inputs.authCode), "secret");
    assert.equal(inputs.domainName, "example.com");
  });

  it("leave an absent secret input absent, and add no authCode to a registration", async () => {
    const inputs = pluginInputs({ domainName: "example.com" } as { domainName: string; contacts?: unknown; contactExtensions?: unknown });
    assert.equal(await secretOrAbsent(inputs.contacts), "absent");
    assert.equal(await secretOrAbsent(inputs.contactExtensions), "absent");
    assert.ok(!("authCode" in inputs));
  });
});
