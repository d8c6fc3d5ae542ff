/** The errors a purchase ends in when it is not done: resumable partial state, and the delete refusal. */

/** An error the engine records with the resource, so the next `pulumi up` resumes instead of buying again. */
export class PartialStateError<O = unknown> extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: O,
  ) {
    super(message);
    this.name = "PartialStateError";
  }
  get reasons(): string[] {
    return [this.message];
  }
}

/** Why a purchased domain is never deleted, and the ways out. */
export function deleteRefusal(domainName: string, noun = "registration", note?: string): string {
  return (
    `Refusing to delete the ${noun} of ${domainName}: Cloudflare domain registrations are non-refundable, ` +
    `and deleting this resource cannot un-register the domain.${note ? ` ${note}` : ""} Ways out: set autoRenew: false (and run pulumi up) ` +
    `to let the domain lapse at expiry; or stop managing it without touching the domain, with the resource option ` +
    `retainOnDelete: true, or \`pulumi state delete <urn>\`.`
  );
}
