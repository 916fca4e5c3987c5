/**
 * List scope in the gate (issue 7 item 3): the rule that decides can(actor, action, row) also
 * yields the list filter (scopeWhere), and no role or subtree check is written outside
 * lib/authz/ — a static check over lib/, app/ and components/.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, listScope, mayAttempt, scopeWhere, type Actor } from "@/lib/authz";
import { navFor } from "@/lib/nav";

const ROOT = path.resolve(__dirname, "..", "..");

/** Role and subtree checks: each pattern names what it catches. */
const FORBIDDEN: [string, RegExp][] = [
  ["a role check on an actor's roles", /\broles\s*\.\s*(includes|some|every|indexOf|find|filter)\s*\(/],
  ["a Prisma subtree filter (path startsWith)", /startsWith\s*:\s*[^}\n]*\b\w*[pP]ath\b/],
  ["a subtree check on a path (path.startsWith)", /\b\w*[pP]ath\s*\.\s*startsWith\s*\(/],
  ["a subtree check with an organisation path (startsWith(orgPath))", /\.startsWith\s*\(\s*[\w.]*orgPath/],
  ["a subtree helper called outside the gate", /\b(isInSubtree|inSubtree)\s*\(/],
  ["an actor's organisation path handed to a query (its scope)", /\(\s*(actor|a)\.orgPath\s*[,)]/],
];

/** Where the checks live: the gate, and the tree primitive it is built on. */
const ALLOWED = [/^lib\/authz\//, /^lib\/org\/tree\.ts$/, /^lib\/generated\//];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const matches = (source: string) => FORBIDDEN.filter(([, re]) => re.test(source)).map(([what]) => what);

describe("no role or subtree check outside lib/authz/", () => {
  const all = ["lib", "app", "components"].flatMap((d) => files(path.join(ROOT, d))).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
  it("scans the portal's sources", () => {
    expect(all.length).toBeGreaterThan(150);
  });
  it("catches each kind of check it looks for", () => {
    expect(matches(`const applicant = actor.roles.includes("CADRE");`)).toEqual(["a role check on an actor's roles"]);
    expect(matches(`items.filter((i) => i.roles.some((r) => roles.includes(r)))`)).toContain("a role check on an actor's roles");
    expect(matches(`db().fund.findMany({ where: { organization: { path: { startsWith: actor.orgPath } } } })`)).toContain("a Prisma subtree filter (path startsWith)");
    expect(matches(`return resource.path.startsWith(actor.orgPath);`)).toContain("a subtree check on a path (path.startsWith)");
    expect(matches(`if (x.startsWith(actor.orgPath)) {}`)).toContain("a subtree check with an organisation path (startsWith(orgPath))");
    expect(matches(`inSubtree(actor, app.orgPath)`)).toEqual(["a subtree helper called outside the gate"]);
    expect(matches(`const funds = await listFunds(actor.orgPath, year);`)).toEqual(["an actor's organisation path handed to a query (its scope)"]);
    // not checks: a resource built for the gate, a URL prefix
    expect(matches(`guardPage("org.view", (a) => ({ type: "organization", id: a.organizationId, path: a.orgPath }))`)).toEqual([]);
    expect(matches(`if (pathname.startsWith("/_next/")) return "/_next";`)).toEqual([]);
  });
  it("finds none in lib/, app/ or components/ outside lib/authz/", () => {
    const found = all
      .filter((f) => !ALLOWED.some((re) => re.test(f)))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(ROOT, f), "utf8")
          .split("\n")
          .flatMap((line, i) => matches(line).map((what) => `${f}:${i + 1} ${what}: ${line.trim()}`)),
      );
    expect(found).toEqual([]);
  });
});

const actor = (roles: Actor["roles"], orgPath = "/1/4/", orgType: Actor["orgType"] = "DISTRICT_FEDERATION", id = 7): Actor => ({
  id,
  username: "u",
  displayName: "U",
  roles,
  organizationId: 4,
  orgPath,
  orgType,
  orgName: "甲区总工会",
});

describe("scopeWhere: the list filter of the rule that decides can()", () => {
  it("scopes funds to the actor's subtree for the roles of fund.view, and to nothing otherwise", () => {
    expect(scopeWhere(actor(["LEADING_GROUP_OFFICE"]), "fund.view")).toEqual({ organization: { path: { startsWith: "/1/4/" } } });
    expect(scopeWhere(actor(["CADRE"]), "fund.view")).toEqual({ id: { in: [] } });
    expect(scopeWhere(null, "fund.view")).toEqual({ id: { in: [] } });
  });
  it("lists no fund to pay for a member of the funds review committee (art. 12), as can() refuses one", () => {
    const both = actor(["LEADING_GROUP_OFFICE", "FINANCE_AUDITOR"]);
    expect(scopeWhere(both, "fund.pay")).toEqual({ id: { in: [] } });
    expect(can(both, "fund.pay", { type: "fund", orgPath: "/1/4/" })).toBe(false);
    expect(scopeWhere(both, "fund.view")).toEqual({ organization: { path: { startsWith: "/1/4/" } } });
  });
  it("lists a reviewer's non-draft applications in the subtree and every applicant's own", () => {
    expect(scopeWhere(actor(["DISTRICT_REVIEWER"]), "application.view")).toEqual({
      OR: [{ applicantId: 7 }, { status: { not: "DRAFT" }, organization: { path: { startsWith: "/1/4/" } } }],
    });
    expect(scopeWhere(actor(["CADRE"], "/1/4/9/", "GRASSROOTS_UNION"), "application.view")).toEqual({ OR: [{ applicantId: 7 }] });
  });
  it("agrees with can() on single rows: inside the list scope ⇔ allowed", () => {
    const reviewer = actor(["DISTRICT_REVIEWER"]);
    const scope = listScope(reviewer, "application.view");
    expect(scope).toEqual({ kind: "application", applicantId: 7, reviewerPath: "/1/4/" });
    const row = (orgPath: string, status: "DRAFT" | "IN_REVIEW", applicantId = 99) => ({ type: "application" as const, applicantId, orgPath, reportingOrgPath: "/1/4/", stage: null, status });
    expect(can(reviewer, "application.view", row("/1/4/9/", "IN_REVIEW"))).toBe(true);
    expect(can(reviewer, "application.view", row("/1/4/9/", "DRAFT"))).toBe(false);
    expect(can(reviewer, "application.view", { ...row("/1/5/9/", "IN_REVIEW"), reportingOrgPath: "/1/5/" })).toBe(false);
    expect(can(reviewer, "application.view", row("/1/4/9/", "DRAFT", 7))).toBe(true);
  });
  it("scopes organisations and users to the subtree", () => {
    expect(scopeWhere(actor(["GRASSROOTS_OFFICER"]), "org.view")).toEqual({ path: { startsWith: "/1/4/" } });
    expect(scopeWhere(actor(["ADMIN"], "/1/"), "user.view")).toEqual({ organization: { path: { startsWith: "/1/" } } });
    expect(scopeWhere(actor(["CADRE"]), "user.view")).toEqual({ id: { in: [] } });
  });
});

describe("navigation reads the rule table", () => {
  it("offers each entry to the roles of its action's rule", () => {
    const hrefs = (roles: Actor["roles"]) => navFor(actor(roles)).map((i) => i.href);
    expect(hrefs(["CADRE"])).toEqual(["/", "/orgs", "/applications", "/applications/new", "/notifications", "/account"]);
    expect(hrefs(["LEADING_GROUP_OFFICE"])).toEqual(["/", "/orgs", "/applications/queue", "/notifications", "/fund", "/fund/pay", "/fund/requests", "/fund/reports", "/vitality", "/account"]);
    expect(hrefs(["FINANCE_AUDITOR"])).toEqual(["/", "/orgs", "/applications/queue", "/notifications", "/fund", "/fund/reports", "/vitality", "/audit", "/account"]);
    expect(hrefs(["ADMIN"])).toEqual(["/", "/orgs", "/notifications", "/applications/settings", "/vitality", "/admin/users", "/audit", "/account"]);
    expect(mayAttempt(actor(["CHAIRPERSON_MEETING"]), "application.fastTrack")).toBe(true);
  });
});
