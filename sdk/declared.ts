/**
 * The names this program run declares, in order, for the preview's batched domain-check: each new
 * DomainRegistration carries the names of its window of 20, so the first Check of a window prices all of
 * them in one request. The list is handed over once the program's synchronous declarations are done, so a
 * window holds the names declared after it too. Names given as Outputs are not known here; they are checked
 * one by one, as before.
 */
import { ALONGSIDE_WINDOW } from "../provider/host/alongside";

const declared: string[] = [];

export function declaredAlongside(domainName: unknown): Promise<string[]> | undefined {
  if (typeof domainName !== "string") return undefined;
  const at = declared.push(domainName) - 1;
  const start = at - (at % ALONGSIDE_WINDOW);
  return new Promise((resolve) => setImmediate(() => resolve(declared.slice(start, start + ALONGSIDE_WINDOW).filter((_, i) => start + i !== at))));
}
