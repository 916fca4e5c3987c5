/**
 * Payability in the ledger (lib/ledger/rules/payability.ts), for any source:
 * status, due day, the source's own refusal, idempotency keys, and what a
 * payable becomes when its payout is reversed (第十二条 冲正, 第十四条).
 */
import { describe, expect, it } from "vitest";
import { codeOf } from "../helpers/errors";
import { ConflictError, DomainError } from "@/lib/errors";
import { assertPayable, payableAfterReversal, payableIdempotencyKey, type NeverPayable } from "@/lib/ledger/rules/payability";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);


/** A source's refusal, as a test-only source would give it. */
const closed: NeverPayable = { code: "test.sourceClosed", values: { name: "P-1" }, cancelReason: (seq) => `第 ${seq} 号支付已冲正；项目已撤销。` };

describe("paying a payable", () => {
  const one = { status: "SCHEDULED" as const, dueOn: d("2026-03-01"), paidOn: d("2026-03-05"), never: null };
  it("pays a scheduled payable on or after its due day", () => {
    expect(codeOf(() => assertPayable(one))).toBe("(no error)");
    expect(codeOf(() => assertPayable({ ...one, paidOn: d("2026-03-01") }))).toBe("(no error)");
  });
  it("refuses paid and cancelled payables and what is not yet due", () => {
    expect(() => assertPayable({ ...one, status: "PAID" })).toThrow(ConflictError);
    expect(codeOf(() => assertPayable({ ...one, status: "CANCELLED" }))).toBe("fund.payableCancelled");
    expect(codeOf(() => assertPayable({ ...one, paidOn: d("2026-02-28") }))).toBe("fund.notDue");
  });
  it("refuses with the source's own code and values when the source says it can never be paid", () => {
    try {
      assertPayable({ ...one, never: closed });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "test.sourceClosed", values: { name: "P-1" }, status: 409 });
    }
    // the payable's own state is checked first
    expect(() => assertPayable({ ...one, status: "PAID", never: closed })).toThrow(ConflictError);
  });
  it("keys idempotency by payable and version", () => {
    expect(payableIdempotencyKey(42, 0)).toBe("payable:42:v0");
    expect(payableIdempotencyKey(42, 2)).not.toBe(payableIdempotencyKey(42, 0));
  });
});

describe("payable after its payment is reversed", () => {
  it("goes back to SCHEDULED (its prior state) when it can still be paid", () => {
    expect(payableAfterReversal(null, 7)).toEqual({ status: "SCHEDULED", cancelReason: null });
  });
  it("is CANCELLED with the source's reason, naming the reversed payment, when it could never be paid again", () => {
    expect(payableAfterReversal(closed, 7)).toEqual({ status: "CANCELLED", cancelReason: "第 7 号支付已冲正；项目已撤销。" });
  });
});
