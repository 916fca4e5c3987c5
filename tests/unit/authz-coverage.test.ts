/**
 * Every entry point goes through the authorization gate.
 *
 * Enumerates every "use server" module, every route handler (route.ts) and
 * every page under app/, parses it with the TypeScript compiler, and fails if:
 * - an export of a "use server" module is not `defineAction(...)` (or an
 *   allowlisted `definePublicAction(...)` — the sign-in itself and the language choice);
 * - a route handler export is not `defineRoute(...)` (next-auth's own endpoints allowlisted);
 * - a function body contains an inline "use server" directive;
 * - a page in the signed-in area does not call `guardPage(...)`.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE_DIRS = ["app", "components", "lib"];

/** Public by design, with the reason. Adding to these lists needs a review. */
const PUBLIC_ACTIONS: Record<string, string> = {
  "app/login/actions.ts#signInAction": "the sign-in itself (throttled in lib/auth/config.ts authorize)",
  "app/login/actions.ts#setLocaleAction": "language choice on the sign-in page (sets a cookie only)",
  "app/ballot/[key]/actions.ts#castVoteAction": "members vote with a one-time code, no account (《实施方案》四.2; throttled per client, lib/vitality/ballots.ts)",
  "app/plan/[key]/actions.ts#suggestionAction": "members' anonymous suggestion on a published plan via its unguessable link, no account (《实施方案》四.1)",
};
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own endpoints (session, CSRF, credentials callback, sign-out)",
  "app/api/health/route.ts": "load-balancer health check: states and numbers only, no data (lib/ops/health.ts)",
  "app/api/metrics/route.ts": "Prometheus scrape: 404 unless METRICS_TOKEN is set, then bearer token only (no session)",
};
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : walk(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const files = SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d))).map((abs) => ({
  rel: path.relative(ROOT, abs).split(path.sep).join("/"),
  source: ts.createSourceFile(abs, fs.readFileSync(abs, "utf8"), ts.ScriptTarget.Latest, true, abs.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
}));

function hasDirective(statements: ts.NodeArray<ts.Statement>, directive: string): boolean {
  for (const s of statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)) {
      if (s.expression.text === directive) return true;
      continue;
    }
    break;
  }
  return false;
}

/** Each exported binding: its name and the expression that initialises it (null for functions/classes). */
function exportsOf(source: ts.SourceFile): { name: string; init: ts.Expression | null; kind: string }[] {
  const out: { name: string; init: ts.Expression | null; kind: string }[] = [];
  for (const s of source.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isVariableStatement(s) && exported) {
      for (const d of s.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, init: d.initializer ?? null, kind: "const" });
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) out.push({ name: el.name.getText(source), init: d.initializer ?? null, kind: "destructured" });
        }
      }
    } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && exported) {
      out.push({ name: s.name?.text ?? "default", init: null, kind: "function" });
    } else if (ts.isExportDeclaration(s)) {
      out.push({ name: s.getText(source), init: null, kind: "re-export" });
    } else if (ts.isExportAssignment(s)) {
      out.push({ name: "default", init: s.expression, kind: "default" });
    }
  }
  return out;
}

const calls = (init: ts.Expression | null, fn: string) =>
  !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === fn;

describe("authorization coverage", () => {
  const serverModules = files.filter((f) => hasDirective(f.source.statements, "use server"));
  const routes = files.filter((f) => /^app\/.*\/route\.ts$/.test(f.rel));
  const pages = files.filter((f) => /^app\/\(portal\)\/.*page\.tsx$/.test(f.rel));

  it("finds the entry points it checks", () => {
    expect(serverModules.length).toBeGreaterThanOrEqual(4);
    expect(routes.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it("builds every server action with defineAction (or an allowlisted definePublicAction)", () => {
    const offenders: string[] = [];
    for (const f of serverModules) {
      for (const e of exportsOf(f.source)) {
        const key = `${f.rel}#${e.name}`;
        if (calls(e.init, "defineAction")) continue;
        if (calls(e.init, "definePublicAction") && PUBLIC_ACTIONS[key]) continue;
        offenders.push(`${key} (${e.kind})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("uses every public-action allowlist entry (no stale exemptions)", () => {
    const found = serverModules.flatMap((f) => exportsOf(f.source).filter((e) => calls(e.init, "definePublicAction")).map((e) => `${f.rel}#${e.name}`));
    expect(found.sort()).toEqual(Object.keys(PUBLIC_ACTIONS).sort());
  });

  it("builds every route handler with defineRoute", () => {
    const offenders: string[] = [];
    for (const f of routes) {
      if (PUBLIC_ROUTES[f.rel]) continue;
      for (const e of exportsOf(f.source)) {
        if (!HTTP_METHODS.has(e.name)) {
          if (["dynamic", "runtime", "revalidate", "maxDuration"].includes(e.name)) continue;
          offenders.push(`${f.rel}#${e.name} (unexpected export)`);
        } else if (!calls(e.init, "defineRoute")) offenders.push(`${f.rel}#${e.name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("has no inline 'use server' functions", () => {
    const offenders: string[] = [];
    for (const f of files) {
      const visit = (node: ts.Node) => {
        if ((ts.isFunctionLike(node) || ts.isArrowFunction(node)) && "body" in node && node.body && ts.isBlock(node.body as ts.Node)) {
          if (hasDirective((node.body as ts.Block).statements, "use server")) offenders.push(`${f.rel}:${f.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(f.source);
    }
    expect(offenders).toEqual([]);
  });

  it("guards every page of the signed-in area with guardPage", () => {
    const offenders = pages.filter((f) => !/\bguardPage\s*\(/.test(f.source.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });
});
