/**
 * Queue filters from the URL's search parameters (pure). Anything malformed
 * falls back to the default, so a hand-edited URL never fails.
 */
import { z } from "zod";
import { AidArticle, ApplicationStage, ApplicationStatus } from "@/lib/generated/prisma/enums";
import { parseIdParam } from "@/lib/validation";
import { QUEUE_SORTS, type QueueFilters } from "./queries";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const schema = z.object({
  view: z.preprocess(one, z.enum(["mine", "all"])).catch("mine"),
  article: z.preprocess(one, z.enum(AidArticle).optional()).catch(undefined),
  status: z.preprocess(one, z.enum(ApplicationStatus).optional()).catch(undefined),
  stage: z.preprocess(one, z.enum(ApplicationStage).optional()).catch(undefined),
  org: z.preprocess((v) => parseIdParam(one(v)) ?? undefined, z.number().optional()).catch(undefined),
  q: z.preprocess(one, z.string().trim().max(60).optional()).catch(undefined),
  sort: z.preprocess(one, z.enum(QUEUE_SORTS)).catch("due"),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

/** Parse `?view=&article=&status=&stage=&org=&q=&sort=&page=` into queue filters. */
export function parseQueueParams(params: Record<string, string | string[] | undefined>): QueueFilters {
  const v = schema.parse(params);
  return { view: v.view, article: v.article, status: v.status, stage: v.stage, orgId: v.org, q: v.q || undefined, sort: v.sort, page: v.page };
}

/** The URL of the queue with `filters` (for links: pagination, sorting, tabs). */
export function queueHref(filters: QueueFilters, change: Partial<QueueFilters> = {}): string {
  const f = { ...filters, ...change };
  const p = new URLSearchParams();
  p.set("view", f.view);
  if (f.article) p.set("article", f.article);
  if (f.status) p.set("status", f.status);
  if (f.stage) p.set("stage", f.stage);
  if (f.orgId) p.set("org", String(f.orgId));
  if (f.q) p.set("q", f.q);
  if (f.sort !== "due") p.set("sort", f.sort);
  if (f.page > 1) p.set("page", String(f.page));
  return `/applications/queue?${p.toString()}`;
}
