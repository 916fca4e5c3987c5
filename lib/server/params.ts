/** Route parameters of pages: a malformed or out-of-range id is a 404, never a database error. */
import { notFound } from "next/navigation";
import { parseIdParam } from "@/lib/validation";

/** The positive int4 id in a route segment, or the 404 page. */
export function idParamOrNotFound(value: string): number {
  const id = parseIdParam(value);
  if (id === null) notFound();
  return id;
}
