/**
 * What a test's code writes to stderr. stderr itself is replaced, never console.error: hostErrors wraps
 * console.error once per process (to drop the host's copy of an expected error), and that wrapper must stay.
 */

/** `fn`'s value and everything written to stderr while it ran (console.error included). */
export async function withStderr<T>(fn: () => T | Promise<T>): Promise<{ value: T; text: string }> {
  const chunks: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: await fn(), text: chunks.join("") };
  } finally {
    process.stderr.write = write;
  }
}

/** Everything written to stderr while `fn` runs. */
export async function stderrOf(fn: () => unknown): Promise<string> {
  return (await withStderr(fn)).text;
}
