/**
 * Policy data of 《大连市基层工会干部权益保障办法》 (大工发〔2008〕73号) as the
 * first version (art. 19: the leading group may change it later), the demo
 * minimum-wage table (art. 17) and the review-step deadlines (art. 18).
 */
import { ART18_CHAIN } from "@/lib/applications/chain";
import { mutate, type RequestContext } from "@/lib/audit/writer";

export async function seedPolicy(ctx: RequestContext) {
  await mutate(ctx, async (tx, record) => {
    const policy = await tx.policyVersion.create({
      data: {
        code: "DGF-2008-73",
        title: "《大连市基层工会干部权益保障办法》（大工发〔2008〕73号）",
        effectiveFrom: new Date("2008-09-18T00:00:00Z"),
        unfairTreatmentSubsidyMin: "1000.00", // 第十五条 1000—3000元
        unfairTreatmentSubsidyMax: "3000.00",
        retaliationSubsidyMax: "3000.00", // 第十六条 不超过3000元
        minimumWageSupportMaxMonths: 6, // 第十七条 最长不超过六个月
        cityFundAnnual: "300000.00", // 第十一条 市总工会为30万元
        districtFundAnnual: "100000.00", // 第十一条 区市县总工会为10万元
        note: "依据第十九条，具体事项的变更或调整须经领导小组讨论决定。",
      },
    });
    record({ action: "policy.create", entityType: "PolicyVersion", entityId: policy.id, after: policy });

    // Demo values — verify against the official notice (辽宁省最低工资标准通知) before real use.
    const wages = [
      { effectiveFrom: "2018-11-01", tier: "一档", monthlyAmount: "1620.00" },
      { effectiveFrom: "2018-11-01", tier: "二档", monthlyAmount: "1420.00" },
      { effectiveFrom: "2021-12-01", tier: "一档", monthlyAmount: "1910.00" },
      { effectiveFrom: "2021-12-01", tier: "二档", monthlyAmount: "1710.00" },
      { effectiveFrom: "2026-10-01", tier: "一档", monthlyAmount: "2100.00" },
      { effectiveFrom: "2026-10-01", tier: "二档", monthlyAmount: "1880.00" },
    ];
    for (const w of wages) {
      const row = await tx.minimumWage.create({
        data: { ...w, effectiveFrom: new Date(`${w.effectiveFrom}T00:00:00Z`), isDemo: true, source: "demo — verify against the official notice（演示数据，请以官方公布为准）" },
      });
      record({ action: "minimumWage.create", entityType: "MinimumWage", entityId: row.id, after: row });
    }

    // The default deadline of each art. 18 step, from the one chain definition.
    for (const { stage, deadlineDays: days } of ART18_CHAIN.steps) {
      const row = await tx.reviewDeadline.create({ data: { stage, days } });
      record({ action: "reviewDeadline.create", entityType: "ReviewDeadline", entityId: stage, after: row });
    }
  });
}
