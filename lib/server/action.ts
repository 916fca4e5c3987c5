/**
 * The only way to write a server action, route handler or guarded page:
 * authenticate → parse with zod → authorize with `can` → call a service.
 *
 * tests/unit/authz-coverage.test.ts fails if a "use server" export or a
 * route handler export is not built with `defineAction` / `defineRoute`.
 */
import { forbidden, notFound, redirect, unstable_rethrow } from "next/navigation";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { authorize, can, type Action, type Actor, type Resource } from "@/lib/authz";
import type { RequestContext } from "@/lib/audit/writer";
import { getActor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { countOutcomes } from "@/lib/ops/metrics";
import { formDataToObject, parseWith } from "@/lib/validation";
import { requestContext, requestId } from "./context";
// Features plug into the engines (ledger fund kinds and payable sources) before any entry point runs.
import "@/lib/plugins";

/** What a server action returns to its form (serialisable). */
export type ActionState<D = unknown> = {
  ok: boolean;
  /** 401, 403, 404, 409, 422… or 500 for a bug (never thrown to the client) */
  status?: number;
  message?: string;
  /** dotted field path → message ("" = the whole form) */
  fieldErrors?: Record<string, string>;
  data?: D;
};

export type ServerAction<D = unknown> = (
  prev: ActionState<D> | undefined,
  input: FormData | Record<string, unknown>,
) => Promise<ActionState<D>>;

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** Message for a DomainError in the user's language (falls back to the code). */
export function errorMessage(t: Translator, error: DomainError): string {
  const key = `errors.${error.code}`;
  return t.has(key) ? t(key, error.values) : error.code;
}

export type ActionDefinition<S extends z.ZodType, R> = {
  schema: S;
  permission: Action;
  /** the resource the permission is checked on (may read the database; NotFoundError → 404) */
  resource: (input: z.output<S>, actor: Actor) => Resource | Promise<Resource>;
  run: (args: { input: z.output<S>; actor: Actor; ctx: RequestContext; resource: Resource }) => Promise<R>;
  /** i18n key of the success message, or a function of the result choosing it (e.g. "saved" vs "nothing changed") */
  successMessage?: string | ((result: R, input: z.output<S>) => string | undefined);
  /** paths to revalidate after success */
  revalidate?: (input: z.output<S>, result: R) => string[];
  /** where to go after success */
  redirectTo?: (input: z.output<S>, result: R) => string | null;
  /**
   * May run while the actor's password is an initial/temporary one (issue 10.1)?
   * Only changing the password and signing out may; everything else is refused.
   */
  allowWithTemporaryPassword?: boolean;
  /**
   * Show the success message as a flash that survives the re-render: after
   * success the browser is sent back to the page the form was on (or to
   * `redirectTo`) with `?flash=<message key>`, and the portal shows it as a
   * banner (components/shell/flash-banner.tsx) — also with JavaScript off.
   */
  flash?: boolean;
  /** DomainError codes that concern one field → that field's name (the message lands next to it) */
  errorFields?: Record<string, string>;
};

/** Where an account with a temporary password is sent (the only page it may use). */
export const CHANGE_PASSWORD_PATH = "/change-password";

/** Query parameter carrying a success message's i18n key across a redirect. */
export const FLASH_PARAM = "flash";

/** `path` with `?flash=<key>` added (any earlier flash replaced). */
export function withFlash(path: string, key: string): string {
  const url = new URL(path, "http://portal.invalid");
  url.searchParams.set(FLASH_PARAM, key);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The same-origin page the form was submitted from (Referer), without its flash; null when unknown. */
async function formPage(): Promise<string | null> {
  const h = await headers();
  const referer = h.get("referer");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    if (url.host !== host) return null;
    url.searchParams.delete(FLASH_PARAM);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** Build a guarded server action (use as `export const x = defineAction({...})` in a "use server" file). */
export function defineAction<S extends z.ZodType, R>(def: ActionDefinition<S, R>): ServerAction<R> {
  return countOutcomes(def.permission, async function guardedAction(_prev, raw) {
    const t = await getTranslations();
    let destination: string | null = null;
    try {
      const actor = await getActor();
      if (!actor) return { ok: false, status: 401, message: t("errors.unauthenticated") };
      if (actor.mustChangePassword && !def.allowWithTemporaryPassword) return { ok: false, status: 403, message: t("errors.mustChangePassword") };
      const input = raw instanceof FormData ? formDataToObject(raw) : (raw ?? {});
      const parsed = parseWith(def.schema, input, (key, values) => t(`validation.${key}`, values));
      if (!parsed.ok) return { ok: false, status: 422, message: t("errors.invalidInput"), fieldErrors: parsed.fieldErrors };
      const resource = await def.resource(parsed.data, actor);
      authorize(actor, def.permission, resource);
      const ctx = await requestContext(actor);
      const result = await def.run({ input: parsed.data, actor, ctx, resource });
      for (const path of def.revalidate?.(parsed.data, result) ?? []) revalidatePath(path);
      destination = def.redirectTo?.(parsed.data, result) ?? null;
      const messageKey = typeof def.successMessage === "function" ? def.successMessage(result, parsed.data) : def.successMessage;
      if (def.flash && messageKey) {
        const back = destination ?? (await formPage());
        if (back) destination = withFlash(back, messageKey);
      }
      if (!destination) return { ok: true, data: result, message: messageKey ? t(messageKey) : undefined };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) {
        const message = errorMessage(t, error);
        const field = def.errorFields?.[error.code];
        // A rule about one field (e.g. 第十六条's ceiling on the amount) is shown next to that field.
        if (field) return { ok: false, status: error.status, message: t("errors.invalidInput"), fieldErrors: { [field]: message } };
        return { ok: false, status: error.status, message };
      }
      const id = await requestId();
      logger().error({ err: error, requestId: id }, "server action failed");
      return { ok: false, status: 500, message: t("errors.unexpected", { requestId: id }) };
    }
    redirect(destination);
  });
}

/**
 * An action that must work without a session. Only the sign-in itself (which
 * is throttled) and the language choice use it; the authz coverage test keeps
 * an explicit allowlist of them.
 */
export function definePublicAction<S extends z.ZodType, R>(def: {
  schema: S;
  run: (args: { input: z.output<S> }) => Promise<R>;
  redirectTo?: (input: z.output<S>, result: R) => string | null;
}): ServerAction<R> {
  return async function publicAction(_prev, raw) {
    const t = await getTranslations();
    let destination: string | null = null;
    try {
      const input = raw instanceof FormData ? formDataToObject(raw) : (raw ?? {});
      const parsed = parseWith(def.schema, input, (key, values) => t(`validation.${key}`, values));
      if (!parsed.ok) return { ok: false, status: 422, message: t("errors.invalidInput"), fieldErrors: parsed.fieldErrors };
      const result = await def.run({ input: parsed.data });
      destination = def.redirectTo?.(parsed.data, result) ?? null;
      if (!destination) return { ok: true, data: result };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof DomainError) return { ok: false, status: error.status, message: errorMessage(t, error) };
      const id = await requestId();
      logger().error({ err: error, requestId: id }, "public action failed");
      return { ok: false, status: 500, message: t("errors.unexpected", { requestId: id }) };
    }
    redirect(destination);
  };
}

export type RouteContext<P> = { params: Promise<P> };

export type RouteDefinition<P> = {
  permission: Action;
  resource: (args: { request: Request; params: P; actor: Actor }) => Resource | Promise<Resource>;
  run: (args: { request: Request; params: P; actor: Actor; ctx: RequestContext; resource: Resource }) => Promise<Response>;
};

/** Build a guarded route handler (use as `export const GET = defineRoute({...})` in route.ts). */
export function defineRoute<P = Record<string, string>>(def: RouteDefinition<P>) {
  return async function guardedRoute(request: Request, context: RouteContext<P>): Promise<Response> {
    const t = await getTranslations();
    const text = (status: number, message: string) =>
      new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
    try {
      const actor = await getActor();
      if (!actor) return text(401, t("errors.unauthenticated"));
      if (actor.mustChangePassword) return text(403, t("errors.mustChangePassword"));
      const params = await context.params;
      const resource = await def.resource({ request, params, actor });
      authorize(actor, def.permission, resource);
      return await def.run({ request, params, actor, ctx: await requestContext(actor), resource });
    } catch (error) {
      if (error instanceof DomainError) return text(error.status, errorMessage(t, error));
      const id = await requestId();
      logger().error({ err: error, requestId: id }, "route handler failed");
      return text(500, t("errors.unexpected", { requestId: id }));
    }
  };
}

/**
 * Guard a server-rendered page: sign-in page when anonymous, 404 when the
 * resource is missing, 403 (app/forbidden.tsx) when `can` says no.
 */
export async function guardPage(
  permission: Action,
  resource: Resource | ((actor: Actor) => Resource | Promise<Resource>),
): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  let target: Resource;
  try {
    target = typeof resource === "function" ? await resource(actor) : resource;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  if (!can(actor, permission, target)) forbidden();
  return actor;
}

/**
 * Signed-in actor for pages that only need a session (home, account). An account
 * with a temporary password is sent to the change-password page, unless `options.allowTemporaryPassword`.
 */
export async function requireActor(options: { allowTemporaryPassword?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowTemporaryPassword) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}
