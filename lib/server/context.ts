/** Request id (set by proxy.ts as x-request-id) and the request context for services. */
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Actor } from "@/lib/authz/types";
import type { RequestContext } from "@/lib/audit/writer";

export async function requestId(): Promise<string> {
  return (await headers()).get("x-request-id") ?? randomUUID();
}

export async function requestContext(actor: Actor): Promise<RequestContext> {
  return { actor, requestId: await requestId() };
}
