/**
 * Demo applications (marked isDemo) in every state of the art. 18 chain, created
 * through the same services the portal uses, as the demo users (audited):
 * a draft, applications waiting at each stage, a returned one, a rejected one, an
 * approved art. 16 application with its one-off payable and an overdue art. 6 opinion
 * letter, an approved art. 17 application with monthly instalments (unemployed from
 * three months ago), and a chairperson's-meeting fast track. Funds are found
 * or created by fundFor, so this step does not depend on the fund seed.
 */
import { actorFromUser } from "@/lib/authz/actor";
import type { Actor } from "@/lib/authz/types";
import type { RequestContext } from "@/lib/audit/writer";
import { createDraft } from "@/lib/applications/drafts";
import type { ApplicationForm } from "@/lib/applications/application-form";
import { storeEvidence } from "@/lib/applications/attachments";
import { runApplicationCommand, type ApplicationCommandInput } from "@/lib/applications/commands";
import { addDays, addMonths, todayInChina } from "@/lib/dates";
import { addMeasure } from "@/lib/applications/measure-service";
import { db } from "@/lib/db";
import { yuan } from "@/lib/money";
import { NullSender, setNotificationSender } from "@/lib/notifications/sender";

async function actor(username: string): Promise<Actor> {
  return actorFromUser(await db().user.findUniqueOrThrow({ where: { username }, include: { organization: true } }));
}

const as = (a: Actor, requestId: string): RequestContext => ({ actor: a, requestId });

/** A one-page PDF ("demo evidence"), passive content only. */
function demoPdf(): File {
  const body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  return new File([body], "免职通知书（演示）.pdf", { type: "application/pdf" });
}

export async function seedApplications(ctx: RequestContext): Promise<void> {
  setNotificationSender(new NullSender());
  try {
    await seed(ctx.requestId);
  } finally {
    setNotificationSender(null);
  }
}

async function seed(requestId: string) {
  const who = Object.fromEntries(
    await Promise.all(
      ["cadre", "cadre2", "grassroots", "grassroots2", "zs.reviewer", "xg.reviewer", "office", "leader", "zs.chair", "dl-zs-003.cadre", "dl-zs-003.officer", "dl-xg-002.cadre", "dl-xg-002.officer", "dl-shk-001.cadre", "dl-shk-001.officer", "shk.reviewer", "dl-jxyj-001.cadre", "dl-jxyj-001.officer", "jxyj.reviewer", "dl-gjz-001.cadre", "dl-gjz-001.officer", "gjz.reviewer", "dl-jz-001.cadre", "dl-jz-001.officer", "jz.reviewer", "dl-zs-002.cadre", "dl-zs-002.officer"].map(
        async (u) => [u, await actor(u)] as const,
      ),
    ),
  ) as Record<string, Actor>;
  const now = todayInChina();
  const daysAgo = (n: number) => addDays(now, -n);

  const file = (a: Actor, f: Omit<ApplicationForm, "bankName" | "bankAccountName" | "bankAccountNumber" | "phone">) =>
    createDraft(
      as(a, requestId),
      { ...f, bankName: "中国工商银行大连分行（演示）", bankAccountName: a.displayName.replace(/（.*）$/, ""), bankAccountNumber: "6222020000001234567", phone: undefined },
      { isDemo: true },
    );
  const step = async (a: Actor, applicationId: number, command: ApplicationCommandInput["command"], extra: Partial<ApplicationCommandInput> = {}) => {
    const { version } = await db().application.findUniqueOrThrow({ where: { id: applicationId }, select: { version: true } });
    return runApplicationCommand(as(a, requestId), { applicationId, version, command, ...extra });
  };
  const art16 = (eventType: string, days: number, amount: string) =>
    ({
      article: "ART16",
      eventType,
      eventDate: daysAgo(days),
      eventDescription: "在组织职工就加班费问题开展集体协商后，单位未经法定程序将本人调离工会主席岗位。（演示）",
      harmDescription: "岗位津贴停发，名誉受损。（演示）",
      requestedAmount: yuan(amount),
    }) as const;
  const grassrootsForward = (a: Actor, id: number) => step(a, id, { type: "FORWARD", stage: "GRASSROOTS" }, { opinion: "经工会委员会研究，情况属实，同意上报。（演示）" });
  const districtForward = (a: Actor, id: number) =>
    step(a, id, { type: "FORWARD", stage: "DISTRICT" }, { opinion: "经调查核实，情况属实，建议给予补助。（演示）", verificationFindings: "走访单位人事部门及3名职工代表，核实免职未经工会委员会讨论及上级工会同意。（演示）", verifiedOn: daysAgo(5) });

  // 1. A draft (cadre, art. 15).
  await file(who.cadre!, { article: "ART15", eventType: "UNFAIR_TREATMENT_LOSS", eventDate: daysAgo(20), eventDescription: "因反映职工安全生产诉求，被扣发季度绩效奖金。（演示）", harmDescription: "损失奖金约 2,000 元。（演示）", requestedAmount: yuan("2000") });

  // 2. Approved art. 16 through the whole chain, with evidence and an art. 6 opinion letter past its deadline.
  const approved16 = await file(who.cadre!, art16("REMOVAL", 75, "3000"));
  await storeEvidence(as(who.cadre!, requestId), { applicationId: approved16.id, file: demoPdf(), permission: "application.edit" });
  await step(who.cadre!, approved16.id, { type: "SUBMIT" });
  await grassrootsForward(who.grassroots!, approved16.id);
  await addMeasure(as(who["zs.reviewer"]!, requestId), {
    applicationId: approved16.id,
    kind: "ART6_OPINION_LETTER",
    startedOn: daysAgo(40),
    dueOn: daysAgo(10),
    letterNumber: "中工保意〔2026〕1号（演示）",
    unitName: "大连滨海精密仪器有限公司",
    violation: "未经法定程序擅自免去其工会主席职务。",
    requirement: "撤销免职决定，恢复其工会主席职务，补发停发的岗位津贴。",
    note: undefined,
  });
  await districtForward(who["zs.reviewer"]!, approved16.id);
  await step(who.office!, approved16.id, { type: "FORWARD", stage: "OFFICE" }, { opinion: "经核实符合第十六条规定，建议一次性补助 3,000 元。（演示）", amount: yuan("3000") });
  await step(who.leader!, approved16.id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { opinion: "经领导小组审议，同意给予一次性补助 2,500 元。（演示）", amount: yuan("2500") });

  // 3. Approved art. 17 (cadre2, 西岗区): unemployed since three months ago, 6 monthly instalments.
  const unemployedFrom = addMonths(now, -3);
  const approved17 = await createDraft(as(who.cadre2!, requestId), {
    article: "ART17",
    eventType: "CONTRACT_TERMINATED",
    eventDate: addDays(unemployedFrom, -1),
    eventDescription: "代表职工就拖欠工资问题与企业交涉后，被以“严重违纪”为由解除劳动合同。（演示）",
    harmDescription: "失业，无收入来源。（演示）",
    requestedMonths: 6,
    unemployedFrom,
    bankName: "中国建设银行大连分行（演示）",
    bankAccountName: "王海燕",
    bankAccountNumber: "6217000000007654321",
    phone: undefined,
  }, { isDemo: true });
  await step(who.cadre2!, approved17.id, { type: "SUBMIT" });
  await grassrootsForward(who.grassroots2!, approved17.id);
  await addMeasure(as(who["xg.reviewer"]!, requestId), {
    applicationId: approved17.id,
    kind: "ART9_REEMPLOYMENT",
    startedOn: daysAgo(30),
    dueOn: undefined,
    agency: "大连市职工职业介绍中心（演示）",
    placement: undefined,
    note: "优先、免费推荐岗位。",
  });
  await districtForward(who["xg.reviewer"]!, approved17.id);
  await step(who.office!, approved17.id, { type: "FORWARD", stage: "OFFICE" }, { opinion: "符合第十七条规定，建议按最低工资资助 6 个月。（演示）", months: 6 });
  await step(who.leader!, approved17.id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { opinion: "同意按最低工资资助 6 个月，至重新就业为止。（演示）", months: 6 });

  // 4–7. Waiting at each stage.
  const atGrassroots = await file(who["dl-zs-003.cadre"]!, art16("INSULT", 12, "1500"));
  await step(who["dl-zs-003.cadre"]!, atGrassroots.id, { type: "SUBMIT" });

  const atDistrict = await file(who["dl-xg-002.cadre"]!, art16("PAY_STOPPED", 30, "2000"));
  await step(who["dl-xg-002.cadre"]!, atDistrict.id, { type: "SUBMIT" });
  await grassrootsForward(who["dl-xg-002.officer"]!, atDistrict.id);

  const atOffice = await file(who["dl-shk-001.cadre"]!, art16("DEMOTION", 45, "2800"));
  await step(who["dl-shk-001.cadre"]!, atOffice.id, { type: "SUBMIT" });
  await grassrootsForward(who["dl-shk-001.officer"]!, atOffice.id);
  await districtForward(who["shk.reviewer"]!, atOffice.id);

  const atLeadingGroup = await file(who["dl-jxyj-001.cadre"]!, {
    article: "ART15",
    eventType: "UNFAIR_TREATMENT_HARM",
    eventDate: daysAgo(60),
    eventDescription: "在维护职工劳动保护权益过程中遭受威胁，身心受到严重伤害。（演示）",
    harmDescription: "经医院诊断为焦虑症，休养两个月。（演示）",
    requestedAmount: yuan("3000"),
  });
  await step(who["dl-jxyj-001.cadre"]!, atLeadingGroup.id, { type: "SUBMIT" });
  await grassrootsForward(who["dl-jxyj-001.officer"]!, atLeadingGroup.id);
  await districtForward(who["jxyj.reviewer"]!, atLeadingGroup.id);
  await step(who.office!, atLeadingGroup.id, { type: "FORWARD", stage: "OFFICE" }, { opinion: "符合第十五条规定，建议一次性补助 2,000 元。（演示）", amount: yuan("2000") });

  // 8. Returned for more material by the district.
  const returned = await file(who["dl-gjz-001.cadre"]!, art16("UNJUSTIFIED_TRANSFER", 25, "2000"));
  await step(who["dl-gjz-001.cadre"]!, returned.id, { type: "SUBMIT" });
  await grassrootsForward(who["dl-gjz-001.officer"]!, returned.id);
  await step(who["gjz.reviewer"]!, returned.id, { type: "RETURN", stage: "DISTRICT" }, { opinion: "请补充单位调岗通知书及本人工资条。（演示）" });

  // 9. Rejected by the office.
  const rejected = await file(who["dl-jz-001.cadre"]!, art16("DEFAMATION", 90, "1000"));
  await step(who["dl-jz-001.cadre"]!, rejected.id, { type: "SUBMIT" });
  await grassrootsForward(who["dl-jz-001.officer"]!, rejected.id);
  await districtForward(who["jz.reviewer"]!, rejected.id);
  await step(who.office!, rejected.id, { type: "REJECT", stage: "OFFICE" }, { opinion: "经核实，所述情况与依法履行工会职责无直接关联，不符合第十六条规定。（演示）" });

  // 10. Special case approved directly by the 中山区 chairperson's office meeting (18.3), paid from the district fund.
  const fastTracked = await file(who["dl-zs-002.cadre"]!, art16("PERSONAL_INJURY", 15, "3000"));
  await step(who["dl-zs-002.cadre"]!, fastTracked.id, { type: "SUBMIT" });
  await grassrootsForward(who["dl-zs-002.officer"]!, fastTracked.id);
  await step(who["zs.chair"]!, fastTracked.id, { type: "APPROVE", stage: "DISTRICT", path: "CHAIRPERSON_MEETING" }, { opinion: "中山区总工会主席办公会议（第 12 次）审定：情况紧急，直接批准。（演示）", amount: yuan("3000") });
}
