/**
 * The auth (EPP) code: checked and encoded; provider/api/secrets.ts keeps it out of every message. The input is the code exactly as
 * the losing registrar shows it; the API wants it base64-encoded (RFC 4648 §4: standard alphabet, padding,
 * no line breaks), which is exactly what Node's Buffer produces.
 */

/** The code as the transfer-in and transfer-check bodies carry it. */
export function encodeAuthCode(code: string): string {
  return Buffer.from(code).toString("base64");
}

/**
 * Why `code` cannot be an auth code, if it cannot; the message describes the value, never repeats it.
 * EPP carries the code as an XML normalizedString (RFC 5731 `pw`), so line breaks and tabs cannot be part
 * of it; a space at either end is a copy-and-paste slip far more often than part of a code.
 */
export function authCodeProblem(code: unknown): string | undefined {
  const fix = "Give the code exactly as the current registrar shows it, from secret config: `pulumi config set --secret authCode <code>`.";
  if (typeof code !== "string") return `authCode must be a string (got a ${code === null ? "null" : typeof code}). ${fix}`;
  if (code.length === 0) return `authCode is empty. ${fix}`;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(code))
    return `authCode contains a line break, tab or other control character, which no registrar issues in a code (${code.length} characters given; the value is not shown). ${fix}`;
  if (code.trim() !== code)
    return `authCode starts or ends with a space (${code.length} characters given; the value is not shown): copy it again without the surrounding whitespace. ${fix}`;
  if (code.length > 255)
    return `authCode is ${code.length} characters long; registrars issue codes of at most a few dozen. Check that the whole value is the code and nothing else. ${fix}`;
  return undefined;
}
