/**
 * Payment methods (lib/ledger/methods.ts): one list of keys, labelled by the
 * message catalogue (fund.methods.*), used by validation, the pay form, the
 * ledger page, the Excel export and the demo seed. The export used to show
 * "fund.methods.银行转账" because the seed stored a label where a key was expected.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { fundYearWorkbook } from "@/lib/fund/excel";
import { PAYMENT_METHODS, assertPaymentMethod, paymentMethodLabel } from "@/lib/ledger/methods";
import type { EntryView } from "@/lib/fund/queries";
import type { YearReport } from "@/lib/fund/year-report";
import { PAID_ARTICLES } from "@/lib/fund/kind";
import { balanceSheet, sheetView } from "@/lib/ledger/rules/sheet";
import { messagesFor } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");

/** The fund.methods labels of one locale. */
const catalogue = (locale: "zh-CN" | "en") => (messagesFor(locale) as { fund: { methods: Record<string, string> } }).fund.methods;

function entry(seq: number, method: string | null): EntryView {
  return {
    id: String(seq), seq, entryDate: "2026-03-05", kind: "DISBURSEMENT", amount: "-1000.00", balanceAfter: "99000.00", article: "ART16",
    applicationNumber: "DLGH-1", district: "中山区总工会", counterpart: null, reversesSeq: null, reversedBySeq: null,
    method, reference: null, memo: "演示", createdBy: "办公室", approvedBy: "领导小组", createdAt: new Date(),
  };
}

describe("payment methods", () => {
  it("has unique keys, each labelled in Chinese and English by the message catalogue", () => {
    expect(new Set(PAYMENT_METHODS).size).toBe(PAYMENT_METHODS.length);
    for (const m of PAYMENT_METHODS) {
      expect(catalogue("zh-CN")[m]).toMatch(/[\u4e00-\u9fff]/);
      expect(catalogue("en")[m]).toMatch(/^[A-Z][a-z ]+$/);
    }
  });
  it("accepts only keys for storing, with a clear error otherwise", () => {
    expect(assertPaymentMethod("BANK_TRANSFER")).toBe("BANK_TRANSFER");
    expect(() => assertPaymentMethod("银行转账")).toThrow(DomainError);
    const zh = messagesFor("zh-CN") as { errors: { fund: Record<string, string> } };
    expect(zh.errors.fund.methodInvalid).toContain("{method}");
  });
  it("labels keys in the user's language and shows any other stored value as it is", () => {
    const zh = (key: string) => catalogue("zh-CN")[key.replace("methods.", "")]!;
    const en = (key: string) => catalogue("en")[key.replace("methods.", "")]!;
    expect(paymentMethodLabel("BANK_TRANSFER", zh)).toBe("银行转账");
    expect(paymentMethodLabel("BANK_TRANSFER", en)).toBe("Bank transfer");
    expect(paymentMethodLabel("CHEQUE", zh)).toBe("支票");
    expect(paymentMethodLabel("支付宝", zh)).toBe("支付宝");
  });
  it("is the only list: the seed, the action and the form use it, and no catalogue duplicates the labels", () => {
    expect(read("prisma/seed/fund.ts")).not.toMatch(/method: "/);
    expect(read("lib/fund/forms.ts")).toContain("z.enum(PAYMENT_METHODS)");
    expect(read("app/(portal)/fund/_components/forms.tsx")).toContain("PAYMENT_METHODS.map");
    for (const locale of ["zh-CN", "en"] as const) expect(Object.keys(catalogue(locale)).sort()).toEqual([...PAYMENT_METHODS].sort());
  });
  it("writes the label, never a message key, into the Excel ledger", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const t = createTranslator<Record<string, unknown>>({ locale, messages: messagesFor(locale), namespace: "fund" as never, onError: () => {} });
      const translate = (key: string, values?: Record<string, string | number>) => (t as unknown as (k: string, v?: unknown) => string)(key, values);
      const total = sheetView(balanceSheet([], PAID_ARTICLES));
      const report: YearReport = { year: 2026, funds: [], total, byArticle: [], byDistrict: [], months: [], runway: null, runwayBasis: 6 };
      const buffer = await fundYearWorkbook(translate, { name: "测试", year: 2026, report, entries: [entry(1, "BANK_TRANSFER"), entry(2, "CHEQUE"), entry(3, "CASH")], exportedAt: "2026-11-21" });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
      const ws = wb.worksheets[1]!;
      const header = ws.getRow(3).values as unknown[];
      const col = header.indexOf(translate("entries.method"));
      expect(col).toBeGreaterThan(0);
      const cells = [4, 5, 6].map((r) => ws.getRow(r).getCell(col).value);
      expect(cells).toEqual(locale === "en" ? ["Bank transfer", "Cheque", "Cash"] : ["银行转账", "支票", "现金"]);
    }
  });
});
