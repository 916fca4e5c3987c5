import { expect, type Page } from "@playwright/test";
import pg from "pg";

/** Password of every demo account (prisma/seed-data/dalian.json). */
export const DEMO_PASSWORD = "Demo@2026";

/** Sign in through the Chinese sign-in page and wait for the home page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("home-title")).toBeVisible();
}

/** Query the test database directly (scripts/test.ts passes DATABASE_URL to Playwright). */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function orgIdByName(name: string): Promise<number> {
  const [row] = await query<{ id: number }>(`SELECT id FROM "Organization" WHERE name = $1`, [name]);
  if (!row) throw new Error(`no organisation named ${name}`);
  return row.id;
}

/**
 * Answer the confirmation asked before money moves or a step is final
 * (components/form/confirm-submit.tsx): the dialog must be open; `button` confirms.
 */
export async function confirmStep(page: Page, button: string) {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}
