/**
 * Where to go after signing in (or after switching the language): only a path
 * of the portal itself, never another site (open redirect, ASVS 5.1.5).
 * The candidate is parsed as a URL against a placeholder origin — the way a
 * browser would resolve it — and accepted only when it stays on that origin,
 * so `//evil.com`, `/\evil.com`, `/\t/evil.com` (a browser drops tabs and
 * reads `\` as `/`) and `https:evil.com` are all refused.
 */
const PLACEHOLDER = "http://portal.invalid";

/**
 * The same-origin path (pathname + search + hash) of `candidate`, or `fallback`.
 * @param candidate the user-supplied destination (query parameter or form field)
 * @param options.exclude path prefixes never returned (e.g. "/login", to avoid a loop)
 */
export function safeRedirectPath(candidate: string | null | undefined, fallback = "/", options: { exclude?: string[] } = {}): string {
  if (!candidate || candidate.length > 2048) return fallback;
  // Only a root-relative path is considered; a control character anywhere is refused outright.
  if (!candidate.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const destination = `${url.pathname}${url.search}${url.hash}`;
  if (!destination.startsWith("/") || destination.startsWith("//")) return fallback;
  if (options.exclude?.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return fallback;
  return destination;
}
