/**
 * Pages of a fund list (server component): "第 a–b 条，共 n 条" and links to
 * the previous and next page — lists are paged, never silently cut off.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * @param href the address of page `n` (keeps the page's other parameters)
 * @param label accessible name of the navigation (which list it pages)
 */
export async function Pager({ page, perPage, total, href, label, testId }: { page: number; perPage: number; total: number; href: (n: number) => string; label: string; testId?: string }) {
  if (total <= perPage) return null;
  const t = await getTranslations("fund");
  const from = (page - 1) * perPage + 1;
  const to = Math.min(total, page * perPage);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-4 text-sm print:hidden" data-testid={testId}>
      {page > 1 ? <Link href={href(page - 1)}>{t("entries.previous")}</Link> : null}
      <span>{t("pager.range", { from, to, total })}</span>
      {to < total ? <Link href={href(page + 1)}>{t("entries.next")}</Link> : null}
    </nav>
  );
}
