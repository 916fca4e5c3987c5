/**
 * The Next.js route pattern of a request path ("/applications/12" → "/applications/[id]"),
 * read from the build's routes manifest, for metric labels. Pure matching over
 * the manifest's own regular expressions; unknown paths become "unmatched".
 */
import fs from "node:fs";
import path from "node:path";

type Route = { page: string; regex: RegExp };

/** Build a matcher from a routes-manifest.json object ({ staticRoutes, dynamicRoutes }). */
export function routeMatcher(manifest: { staticRoutes?: { page: string; regex: string }[]; dynamicRoutes?: { page: string; regex: string }[] }) {
  const statics = new Map((manifest.staticRoutes ?? []).map((r) => [r.page, r.page]));
  const dynamics: Route[] = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname: string): string => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    const exact = statics.get(clean);
    if (exact) return exact;
    for (const r of dynamics) if (r.regex.test(clean)) return r.page;
    return "unmatched";
  };
}

/** The matcher of the build this server runs (distDir from NEXT_DIST_DIR, default .next). */
export function buildRouteMatcher(): (pathname: string) => string {
  try {
    const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next", "routes-manifest.json");
    return routeMatcher(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch {
    return routeMatcher({});
  }
}
