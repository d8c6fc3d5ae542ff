/**
 * Extensions supported for programmatic registration, from the reference (Create Registration,
 * "Supported extensions"). "Extension" is the whole suffix after the first label: `co.uk` in `example.co.uk`.
 */
export const SUPPORTED_EXTENSIONS: readonly string[] = [
  "com", "org", "net", "app", "dev", "cc", "xyz", "info", "cloud", "studio", "live", "link", "pro", "tech",
  "fyi", "shop", "online", "tools", "run", "games", "build", "systems", "world", "news", "site", "network",
  "chat", "space", "family", "page", "life", "group", "email", "solutions", "day", "blog", "ing", "icu",
  "academy", "today",
];

const supported = new Set(SUPPORTED_EXTENSIONS);

export function isSupportedExtension(extension: string): boolean {
  return supported.has(extension);
}

/** The extension of a registrable domain: everything after the first label. */
export function extensionOf(domain: string): string {
  const dot = domain.indexOf(".");
  return dot < 0 ? "" : domain.slice(dot + 1);
}
