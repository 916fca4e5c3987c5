/**
 * The one paginate() (lib/paging.ts) of every paged list — fund lists, the
 * ledger, the applications review queue, notifications — and a static check
 * that no list does its own paging arithmetic.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { paginate, paged } from "@/lib/paging";

const ROOT = path.resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

describe("paginate", () => {
  it("clamps page numbers to the pages that exist", () => {
    expect(paginate(250, 100, "3").page).toBe(3);
    expect(paginate(250, 100, "9").page).toBe(3);
    expect(paginate(250, 100, "-2").page).toBe(1);
    expect(paginate(0, 100, "x").page).toBe(1);
  });
  it("takes a number too (parsed filters), and ignores what is not a whole page number", () => {
    expect(paginate(250, 100, 2)).toEqual({ page: 2, pages: 3, perPage: 100, total: 250, offset: 100 });
    for (const bad of [1.5, Number.NaN, "1.5", "1e3", ["2"], null, undefined, "9999999"]) expect(paginate(250, 100, bad).page).toBe(1);
    expect(paginate(250, 100, 99).page).toBe(3);
  });
  it("has one page for an empty list and counts the last partial page", () => {
    expect(paginate(0, 20, 1)).toMatchObject({ page: 1, pages: 1, offset: 0 });
    expect(paginate(21, 20, 2)).toMatchObject({ page: 2, pages: 2, offset: 20 });
    expect(paginate(40, 20, 3)).toMatchObject({ page: 2, pages: 2, offset: 20 });
  });
  it("carries the window with the rows", () => {
    expect(paged(paginate(3, 2, "2"), ["c"])).toEqual({ page: 2, pages: 2, perPage: 2, total: 3, offset: 2, rows: ["c"] });
  });
  it("is the only paging arithmetic in lib/, app/ and components/", () => {
    const offenders = [...sources("lib"), ...sources("app"), ...sources("components")]
      .filter((f) => f !== path.join("lib", "paging.ts"))
      .filter((f) => /Math\.ceil\([^)]*\/\s*[A-Za-z_]*(PER_PAGE|PAGE_SIZE|perPage)\b/i.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
