/**
 * GET /api/metrics — Prometheus text format (lib/ops/metrics.ts). Not public:
 * answers 404 unless METRICS_TOKEN is set, and then only to
 * `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time), so a
 * scraper must be configured with the token; README "Health and metrics".
 */
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metrics } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

function authorised(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function GET(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not Found", { status: 404 });
  if (!authorised(request, token)) return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
