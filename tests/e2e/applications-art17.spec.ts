/**
 * An art. 17 application (labour contract terminated) through the whole chain with one
 * return-for-material round: cadre2 → own union → 西岗区 reviewer returns it →
 * cadre2 adds material and resubmits → 西岗区 verifies → office proposes
 * months → leading group approves → six monthly instalments at the minimum
 * wage; re-employment recorded in month 3 cancels months 3–6.
 */
import { expect, test } from "@playwright/test";
import { PNG_EVIDENCE, fileApplication, isoDate, openFromQueue, personas, review, upload } from "./applications-helpers";

// One test per step of the chain, each on the application the previous one moved on (so none needs more
// than a fraction of its timeout on a busy machine); serial mode stops the rest when a step fails.
test.describe.configure({ mode: "serial" });

let url = "";
let number = "";
const person = personas();

test("art. 17 (1/8): 7 months are refused (art. 17); the cadre files for 6 months and submits", async ({ browser }) => {
  const unemployedFrom = isoDate(-4);
  const cadre = await person(browser, "cadre2");
  // 7 months is beyond art. 17: refused with the article.
  await cadre.goto("/applications/new");
  await cadre.getByRole("radio", { name: /第十七条/ }).check();
  await expect(cadre.getByTestId("art17-reading")).toContainText("只有整月失业的月份才给予资助");
  await cadre.getByLabel("事件类别").selectOption({ label: "被解除劳动合同" });
  await cadre.getByLabel("事件发生日期").fill(unemployedFrom);
  await cadre.getByLabel("事件经过").fill("代表职工交涉欠薪后被解除劳动合同。");
  await cadre.getByLabel("损害或损失情况").fill("失业。");
  await cadre.getByLabel("失业起始日").fill(unemployedFrom);
  await cadre.getByLabel("申请资助月数").fill("7");
  await cadre.getByLabel("开户银行").fill("中国建设银行大连分行");
  await cadre.getByLabel("户名").fill("王海燕");
  await cadre.getByLabel("银行账号").fill("6217000000000000777");
  await cadre.getByRole("button", { name: "保存草稿" }).click();
  await expect(cadre.getByTestId("error-requestedMonths")).toHaveText("依据《办法》第十七条，资助最长不超过 6 个月（请填写 1–6）。");
  await expect(cadre.getByTestId("form-message")).toHaveText("提交的内容有误，请检查标红的字段。");

  ({ url, number } = await fileApplication(cadre, { article: "第十七条 被解除劳动合同", eventType: "被解除劳动合同", eventDate: unemployedFrom, unemployedFrom, months: "6" }));
  await expect(cadre.getByTestId("amounts")).toContainText("按 6 个月测算");
  await cadre.getByRole("button", { name: "提交申请" }).click();
  await expect(cadre.getByTestId("application-status")).toHaveText("审核中 · 基层工会研究提出意见");
});

test("art. 17 (2/8): the own union reports on", async ({ browser }) => {
  const grassroots = await person(browser, "grassroots2");
  await openFromQueue(grassroots, number);
  await review(grassroots, "同意并上报", "所在单位工会意见", "情况属实，同意上报。", "审核中 · 区市县/产业工会调查核实");
});

test("art. 17 (3/8): the district returns it for more material (round 1)", async ({ browser }) => {
  const district = await person(browser, "xg.reviewer");
  await openFromQueue(district, number);
  await review(district, "退回补充材料", "理由（申请人可见）", "请补充解除劳动合同通知书和最后一个月的工资条。", "已退回补充材料 · 区市县/产业工会调查核实");
});

test("art. 17 (4/8): the applicant sees the reasons, adds material, edits the form and resubmits", async ({ browser }) => {
  const cadre = await person(browser, "cadre2");
  await cadre.goto(url);
  await expect(cadre.getByTestId("return-reason")).toContainText("第 1 次退回补充材料（区市县/产业工会调查核实）");
  await expect(cadre.getByTestId("return-reason")).toContainText("请补充解除劳动合同通知书和最后一个月的工资条。");
  await upload(cadre, PNG_EVIDENCE);
  await cadre.getByRole("link", { name: "修改申报表" }).click();
  await cadre.getByLabel("损害或损失情况").fill("失业，无收入来源；已补充工资条。");
  await cadre.getByRole("button", { name: "保存", exact: true }).click();
  await expect(cadre).toHaveURL(new RegExp(`${url}$`));
  await cadre.getByLabel("补充说明（可选）").fill("已补充工资条。");
  await cadre.getByRole("button", { name: "补充材料后重新提交" }).click();
  await expect(cadre.getByTestId("application-status")).toHaveText("审核中 · 区市县/产业工会调查核实");
});

test("art. 17 (5/8): back at the district that returned it, it verifies and reports on", async ({ browser }) => {
  const district = await person(browser, "xg.reviewer");
  await openFromQueue(district, number);
  // Rounds count from 1: the first submission is round 1, so the material added after the return is round 2.
  await expect(district.getByTestId("attachments")).toContainText("第 2 轮");
  await expect(district.getByTestId("attachments")).not.toContainText("第 0 轮");
  const panel = district.getByTestId("action-panel");
  await panel.getByLabel("调查核实情况").fill("核实解除劳动合同通知书及工资发放记录，情况属实。");
  await panel.getByLabel("核实日期").fill(isoDate(0, -1));
  await review(district, "同意并上报", "核实意见", "建议按最低工资资助。", "审核中 · 领导小组办公室初审");
});

test("art. 17 (6/8): the office proposes 6 months", async ({ browser }) => {
  const office = await person(browser, "office");
  await openFromQueue(office, number);
  await expect(office.getByTestId("action-panel").getByLabel("建议金额或月数")).toHaveValue("6");
  await review(office, "同意并上报", "初审意见", "符合第十七条，建议资助 6 个月。", "审核中 · 领导小组审议决定");
});

test("art. 17 (7/8): the leading group approves six monthly instalments", async ({ browser }) => {
  const leader = await person(browser, "leader");
  await openFromQueue(leader, number);
  await review(leader, "批准", "审议意见", "同意按最低工资资助 6 个月，至重新就业为止。", "已批准");
  const payables = leader.getByTestId("payables");
  await expect(payables.getByRole("row")).toHaveCount(7);
  await expect(payables).toContainText("最低工资资助");
});

test("art. 17 (8/8): re-employment in month 3 cancels months 3–6, and the applicant sees the decision", async ({ browser }) => {
  // Re-employed during month 3: months 3–6 are cancelled (art. 17 "至重新领薪或工作为止").
  const district = await person(browser, "xg.reviewer");
  await district.goto(url);
  await district.getByLabel("重新就业或恢复领薪日期").fill(isoDate(-2, 3));
  await district.getByRole("button", { name: "登记", exact: true }).click();
  await expect(district.getByTestId("payables").getByText("已取消")).toHaveCount(4);
  await expect(district.getByTestId("payables").getByText("待支付")).toHaveCount(2);
  await expect(district.getByTestId("payables")).toContainText("依据《办法》第十七条");

  const cadre = await person(browser, "cadre2");
  await cadre.goto(url);
  await expect(cadre.getByTestId("decision")).toContainText("按最低工资资助 6 个月（《办法》第十七条）");
  await expect(cadre.getByTestId("history")).toContainText("退回补充材料");
  await expect(cadre.getByTestId("history")).toContainText("补充材料后重新提交");
});
