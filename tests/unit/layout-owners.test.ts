/**
 * Components by owner (issue 7.5): components/ and lib/ never import from app/
 * (also an eslint no-restricted-imports rule), route-private components live
 * beside their route, and pages read through their feature's query functions —
 * no page or layout queries Prisma (`db().model…`) itself.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : files(rel, ext);
    return ext.test(e.name) ? [rel] : [];
  });
}

describe("components by owner", () => {
  it("components/ and lib/ import nothing from app/", () => {
    const offenders = [...files("components", /\.tsx?$/), ...files("lib", /\.tsx?$/)].filter((f) => /from ["'](@\/app\/|(\.\.\/)+app\/)/.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
  it("components/ keeps only shared folders (ui, form, shell, notifications) and the home widgets", () => {
    const folders = fs.readdirSync(path.join(root, "components")).sort();
    expect(folders.filter((f) => !["ui", "form", "shell", "notifications", "applications", "fund"].includes(f))).toEqual([]);
    for (const feature of ["applications", "fund"]) expect(fs.readdirSync(path.join(root, "components", feature))).toEqual(["home-widget.tsx"]);
  });
  it("pages and layouts read through query functions, never Prisma models directly", () => {
    const offenders = files("app", /^(page|layout)\.tsx$/).filter((f) => /db\(\)\s*\.\s*\w+\s*\./.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
