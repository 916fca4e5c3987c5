/**
 * GET /api/health — for a load balancer or monitor: 200 when this instance can
 * serve (database, migrations, jobs, disk), 503 otherwise or while it drains
 * for shutdown. Public by design (no session): it shows states, never data.
 */
import { health } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const result = await health();
  return Response.json(result, { status: result.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
