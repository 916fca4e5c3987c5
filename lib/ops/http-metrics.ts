/**
 * Request latency per route for every request this process serves, from
 * Node's built-in `http.server.request.start` diagnostics channel (no wrapper
 * around Next.js's server). Installed once from instrumentation.ts.
 */
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics } from "./metrics";
import { buildRouteMatcher } from "./routes";
import { runtime } from "./runtime";

/** Start timing requests (idempotent per process). */
export function installHttpMetrics(): void {
  const state = runtime();
  if (state.httpMetrics) return;
  state.httpMetrics = true;
  const routeOf = buildRouteMatcher();
  const histogram = metrics().httpDuration;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const started = process.hrtime.bigint();
    state.inFlight++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      state.inFlight--;
      let pathname = "/";
      try {
        pathname = new URL(request.url ?? "/", "http://portal.invalid").pathname;
      } catch {
        /* a malformed URL is still counted, as "unmatched" */
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      histogram.observe({ method: request.method ?? "GET", route: routeOf(pathname), status: String(response.statusCode) }, seconds);
    };
    response.once("finish", finish);
    response.once("close", finish);
  });
}
