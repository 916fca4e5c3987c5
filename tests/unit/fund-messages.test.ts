/**
 * Every message the fund feature can show exists in both catalogues: the
 * success messages of its server actions and the DomainError codes thrown by
 * lib/fund and the ledger under it (shown as errors.<code>, 《办法》 articles cited in the text).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string) => typeof key.split(".").reduce<Tree | string | undefined>((n, p) => (typeof n === "object" ? n[p] : undefined), tree) === "string";

// The rights protection fund (lib/fund), the ledger it runs on (lib/ledger) and the applications' payability hook.
const fundSources = ["lib/fund", "lib/ledger", "lib/ledger/rules"]
  .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f}`))
  .concat(["lib/applications/payability.ts"])
  .map((f) => read(f))
  .join("\n");
const codes = [...new Set([...fundSources.matchAll(/(?:DomainError|ConflictError)\("(fund\.[A-Za-z]+)"/g), ...fundSources.matchAll(/code: "(fund\.[A-Za-z]+)"/g)].map((m) => m[1]!))];
const successKeys = [...read("app/(portal)/fund/actions.ts").matchAll(/successMessage: "([^"]+)"/g)].map((m) => m[1]!);

describe("fund messages", () => {
  it("finds the codes and keys it checks", () => {
    expect(codes.length).toBeGreaterThan(20);
    expect(successKeys).toHaveLength(7);
  });
  for (const locale of ["zh-CN", "en"] as const) {
    it(`has every error code and success message in ${locale}`, () => {
      const messages = messagesFor(locale) as Tree;
      expect(codes.filter((c) => !has(messages, `errors.${c}`))).toEqual([]);
      expect(successKeys.filter((k) => !has(messages, k))).toEqual([]);
    });
  }
  it("cites the article in the Chinese messages of the rules it applies", () => {
    const zh = messagesFor("zh-CN") as Tree;
    const errors = (zh.errors as Tree).fund as Tree;
    for (const code of ["insufficient", "yearSettled", "yearNotEnded", "previousYearOpen", "reemployed", "noAppropriation"]) {
      expect(errors[code]).toMatch(/第[十一二三四五六七]+条/);
    }
  });
  it("takes the 第十一条 appropriation amounts from the policy, not from fixed texts", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const fund = (messagesFor(locale) as Tree).fund as Tree;
      const all = JSON.stringify(fund);
      expect(all).not.toMatch(/30\s*万|10\s*万|300,000|100,000/);
      expect(fund.basis).toContain("{city}");
      expect(fund.basis).toContain("{district}");
    }
  });
});
