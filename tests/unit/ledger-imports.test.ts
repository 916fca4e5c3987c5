/**
 * Dependencies point one way: features use the ledger, the ledger imports no
 * feature (issue 7). Every import of lib/ledger is checked against the
 * engines and shared modules it may use; features plug in through the
 * registries (lib/ledger/kinds.ts, lib/ledger/sources.ts) from lib/plugins.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const LEDGER = path.join(ROOT, "lib", "ledger");

/** What lib/ledger may import: engines and shared infrastructure, never a feature. */
const ALLOWED = [
  /^@\/lib\/(db|errors|money|dates|logger)$/,
  /^@\/lib\/audit\/(writer|hash|vocabulary)$/,
  /^@\/lib\/authz(\/[a-z-]+)?$/,
  /^@\/lib\/org\/tree$/,
  /^@\/lib\/generated\/prisma\/(enums|client)$/,
  /^\.{1,2}\//, // inside lib/ledger
  /^[a-z@][^/]*$/, // npm packages (no @/ alias)
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

describe("lib/ledger imports no feature", () => {
  const all = files(LEDGER);
  it("finds the ledger's files and their imports", () => {
    expect(all.length).toBeGreaterThan(15);
    expect(all.flatMap(importsOf).length).toBeGreaterThan(50);
  });
  it("imports only engines and shared modules", () => {
    const bad = all.flatMap((f) => importsOf(f).filter((spec) => !ALLOWED.some((re) => re.test(spec))).map((spec) => `${path.relative(ROOT, f)} → ${spec}`));
    expect(bad).toEqual([]);
  });
  it("relative imports stay inside lib/ledger", () => {
    const escaping = all.flatMap((f) =>
      importsOf(f)
        .filter((spec) => spec.startsWith("."))
        .filter((spec) => !path.resolve(path.dirname(f), spec).startsWith(LEDGER))
        .map((spec) => `${path.relative(ROOT, f)} → ${spec}`),
    );
    expect(escaping).toEqual([]);
  });
  it("recognises a feature import when there is one (the check can fail)", () => {
    const probe = 'import { RIGHTS_PROTECTION } from "@/lib/fund/kind";\nimport "@/lib/applications/ledger-source";';
    const tmp = path.join(ROOT, "tests", "unit", ".ledger-import-probe.ts");
    fs.writeFileSync(tmp, probe);
    try {
      expect(importsOf(tmp).filter((spec) => !ALLOWED.some((re) => re.test(spec)))).toEqual(["@/lib/fund/kind", "@/lib/applications/ledger-source"]);
    } finally {
      fs.rmSync(tmp);
    }
  });
});
