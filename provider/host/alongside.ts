/**
 * The one input the SDK adds that the user never wrote: the names the program declared alongside a new
 * DomainRegistration, so the preview can price a whole portfolio in a few domain-check requests. Check
 * removes it, so it never reaches state, a diff or a plan.
 */
export const ALONGSIDE = "__declaredAlongside";

/**
 * Names per window: one domain-check request answers a window, so it is at most the API's 20 names per
 * request (client.ts CHECK_BATCH_SIZE).
 */
export const ALONGSIDE_WINDOW = 20;
