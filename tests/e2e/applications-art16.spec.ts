/**
 * An art. 16 application through the whole art. 18 chain as the real demo roles:
 * cadre → own union (grassroots) → 中山区 reviewer (verification + art. 6
 * opinion letter) → leading-group office → leading group. Then the printable
 * 申报表 and 意见书 as A4 PDFs with Chinese text.
 */
import { expect, test } from "@playwright/test";
import { PDF_EVIDENCE, as, fileApplication, isoDate, openFromQueue, personas, review, upload } from "./applications-helpers";

// One test per step of the chain, each on the application the previous one moved on (so none needs more
// than a fraction of its timeout on a busy machine); serial mode stops the rest when a step fails.
test.describe.configure({ mode: "serial" });

let applicationUrl = "";
let number = "";
const person = personas();

test("art. 16 (1/6): the cadre is refused above the ceiling, files the form with evidence and submits", async ({ browser }) => {
  // The cadre files the application form, checks eligibility (art. 2), uploads evidence and submits.
  const cadre = await person(browser, "cadre");
  await cadre.goto("/applications/new");
  await expect(cadre.getByTestId("eligibility")).toContainText("符合申请条件（《办法》第二条）");
  // 3,001 yuan is above the art. 16 ceiling: refused with the article, nothing saved.
  await cadre.getByRole("radio", { name: /第十六条/ }).check();
  await cadre.getByLabel("事件类别").selectOption({ label: "免职" });
  await cadre.getByLabel("事件发生日期").fill(isoDate(0, -20));
  await cadre.getByLabel("事件经过").fill("组织集体协商后被免去工会主席职务。");
  await cadre.getByLabel("损害或损失情况").fill("岗位津贴停发。");
  await cadre.getByLabel("申请补助金额（元）").fill("3001");
  await cadre.getByLabel("开户银行").fill("中国工商银行大连分行");
  await cadre.getByLabel("户名").fill("张建国");
  await cadre.getByLabel("银行账号").fill("6222020000000000999");
  await cadre.getByRole("button", { name: "保存草稿" }).click();
  // The rule concerns the amount: its message lands next to that field, which gets the focus (issue 11.1).
  await expect(cadre.getByTestId("error-requestedAmount")).toHaveText("依据《办法》第十六条，一次性补助不得超过 3,000.00 元。");
  await expect(cadre.getByTestId("form-message")).toHaveText("提交的内容有误，请检查标红的字段。");
  await expect(cadre.getByLabel("申请补助金额（元）")).toBeFocused();
  await expect(cadre.getByLabel("申请补助金额（元）")).toHaveAttribute("aria-invalid", "true");
  await expect(cadre).toHaveURL(/\/applications\/new$/);

  ({ url: applicationUrl, number } = await fileApplication(cadre, { article: "第十六条 打击报复或人身侵害", eventType: "免职", eventDate: isoDate(0, -20), amount: "3000" }));
  await expect(cadre.getByTestId("amounts")).toContainText("依据《办法》第十六条");
  // A file that only claims to be a PDF is refused and not listed.
  await cadre.getByLabel("选择文件").setInputFiles({ name: "伪装.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ this is not a pdf") });
  await cadre.getByRole("button", { name: "上传", exact: true }).click();
  await expect(cadre.getByTestId("form-message")).toContainText("只接受 PDF、JPG、PNG 文件");
  await upload(cadre, PDF_EVIDENCE);
  await expect(cadre.getByTestId("attachments").getByRole("link")).toHaveCount(1);
  await cadre.getByRole("button", { name: "提交申请" }).click();
  await expect(cadre.getByTestId("application-status")).toHaveText("审核中 · 基层工会研究提出意见");
  await expect(cadre.getByTestId("flash")).toHaveText("申请已提交，已通知所在单位工会。");
});

test("art. 16 (2/6): the cadre's own union gives its opinion and reports on (18.1)", async ({ browser }) => {
  const grassroots = await person(browser, "grassroots");
  await openFromQueue(grassroots, number);
  await review(grassroots, "同意并上报", "所在单位工会意见", "经工会委员会研究，情况属实，同意上报。", "审核中 · 区市县/产业工会调查核实");
});

test("art. 16 (3/6): 中山区 investigates, issues an art. 6 opinion letter and reports to the office (18.2)", async ({ browser }) => {
  const district = await person(browser, "zs.reviewer");
  await openFromQueue(district, number);
  const measures = district.getByRole("form", { name: "记录保护措施" });
  await measures.getByLabel("措施类别").selectOption({ label: "第六条 下发《基层工会干部权益保障意见书》" });
  await measures.getByLabel("整改期限").fill(isoDate(1));
  await measures.getByLabel("意见书文号").fill("中工保意〔2026〕9号");
  await measures.getByLabel("基层单位名称").fill("大连滨海精密仪器有限公司");
  await measures.getByLabel("违反规定程序的情况").fill("未经工会委员会讨论和上级工会同意，擅自免去其工会主席职务。");
  await measures.getByLabel("整改要求").fill("撤销免职决定，恢复其工会主席职务。");
  await measures.getByRole("button", { name: "记录保护措施" }).click();
  await expect(district.getByTestId("measure-ART6_OPINION_LETTER")).toContainText("中工保意〔2026〕9号");
  const panel = district.getByTestId("action-panel");
  await panel.getByLabel("调查核实情况").fill("走访单位人事部门及职工代表，核实免职未履行法定程序。");
  await panel.getByLabel("核实日期").fill(isoDate(0, -1));
  await review(district, "同意并上报", "核实意见", "情况属实，建议给予一次性补助。", "审核中 · 领导小组办公室初审");
});

test("art. 16 (4/6): the office's preliminary opinion with a proposed amount (18.3)", async ({ browser }) => {
  const office = await person(browser, "office");
  await openFromQueue(office, number);
  await expect(office.getByTestId("action-panel").getByLabel("建议金额或月数")).toHaveValue("3000.00");
  await office.getByTestId("action-panel").getByLabel("建议金额或月数").fill("2800");
  await review(office, "同意并上报", "初审意见", "符合第十六条规定，建议一次性补助 2,800 元。", "审核中 · 领导小组审议决定");
});

test("art. 16 (5/6): the leading group approves and the payable is scheduled", async ({ browser }) => {
  const leader = await person(browser, "leader");
  await openFromQueue(leader, number);
  await expect(leader.getByTestId("action-panel").getByLabel("批准金额或月数")).toHaveValue("2800.00");
  await review(leader, "批准", "审议意见", "经领导小组审议，同意一次性补助 2,800 元。", "已批准");
  await expect(leader.getByTestId("payables")).toContainText("一次性补助");
  await expect(leader.getByTestId("payables")).toContainText("2,800.00 元");
  await expect(leader.getByTestId("payables")).toContainText("待支付");
});

test("art. 16 (6/6): the applicant sees the decision, every step of the history and a notification", async ({ browser }) => {
  const cadre = await person(browser, "cadre");
  await cadre.goto(applicationUrl);
  await expect(cadre.getByTestId("decision")).toHaveText("申请已由领导小组审议决定批准：一次性补助 2,800.00 元。");
  await expect(cadre.getByTestId("history").getByRole("listitem")).toHaveCount(5);
  await cadre.goto("/notifications");
  await expect(cadre.getByTestId("notifications")).toContainText(`申请已批准：${number}`);
});

test("the 申报表 and the 意见书 print as A4 with Chinese text and each level's opinion", async ({ browser }) => {
  const office = await as(browser, "office");
  await office.goto(`${applicationUrl}/print/application`);
  const sheet = office.getByTestId("print-sheet");
  await expect(sheet.getByRole("heading", { level: 1 })).toHaveText("大连市基层工会干部权益保障基金申报表");
  await expect(sheet.getByTestId("print-opinion-GRASSROOTS")).toContainText("经工会委员会研究，情况属实，同意上报。");
  await expect(sheet.getByTestId("print-opinion-DISTRICT")).toContainText("走访单位人事部门及职工代表");
  await expect(sheet.getByTestId("print-opinion-OFFICE")).toContainText("2,800.00 元");
  await expect(sheet.getByTestId("print-decision")).toContainText("经领导小组审议，同意一次性补助 2,800 元。");
  await expect(sheet.getByText("（盖章）")).toHaveCount(4);
  await office.emulateMedia({ media: "print" });
  await expect(office.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(office.getByRole("banner")).toBeHidden();
  const pdf = await office.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const raw = pdf.toString("latin1");
  // A CJK font is embedded (Chinese renders as glyphs, not boxes) and the form fits on A4 pages.
  expect(raw).toMatch(/\/FontName\s*\/[A-Z]{6}\+(NotoS(ans|erif)CJK|WenQuanYi|wqy)/i);
  const pages = raw.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);

  await office.emulateMedia({ media: "screen" });
  await office.goto(applicationUrl);
  await office.getByTestId("measure-ART6_OPINION_LETTER").getByRole("link", { name: "打印意见书" }).click();
  await expect(office.getByRole("heading", { level: 1 })).toHaveText("基层工会干部权益保障意见书");
  await expect(office.getByTestId("letter-number")).toHaveText("中工保意〔2026〕9号");
  await expect(office.getByTestId("print-sheet")).toContainText("大连滨海精密仪器有限公司：");
  await expect(office.getByTestId("print-sheet")).toContainText("第六条规定");
  await expect(office.getByTestId("letter-deadline")).toContainText("前整改完毕");
  await office.emulateMedia({ media: "print" });
  const letter = await office.pdf({ format: "A4" });
  expect(letter.toString("latin1")).toMatch(/\/FontName\s*\/[A-Z]{6}\+(NotoS(ans|erif)CJK|WenQuanYi|wqy)/i);
  expect(letter.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
