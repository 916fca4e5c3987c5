import { describe, expect, it } from "vitest";
import { mergeMessages, messagesFor } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("message catalogues", () => {
  it("has the same keys in Chinese and English", () => {
    const zh = keys(messagesFor("zh-CN")).sort();
    const en = keys(messagesFor("en")).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });
  it("uses the same placeholders in both languages", () => {
    const zh = messagesFor("zh-CN");
    const en = messagesFor("en");
    const get = (t: Tree, k: string) => k.split(".").reduce<Tree | string>((n, p) => (n as Tree)[p]!, t) as string;
    const vars = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const mismatched = keys(zh).filter((k) => JSON.stringify(vars(get(zh, k))) !== JSON.stringify(vars(get(en, k))));
    expect(mismatched).toEqual([]);
  });
  it("deep-merges feature files and refuses a duplicate key", () => {
    expect(mergeMessages([{ errors: { a: "A" } }, { errors: { b: "B" } }])).toEqual({ errors: { a: "A", b: "B" } });
    expect(() => mergeMessages([{ errors: { a: "A" } }, { errors: { a: "again" } }])).toThrow(/duplicate message key errors\.a/);
  });
});
