/**
 * Previous / next links of a paged list (server component), with where the
 * reader is ("第 2 / 5 页，共 93 条" by default) — lists are paged, never
 * silently cut off. Renders nothing when everything fits on one page.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

/**
 * @param page the current page, 1-based
 * @param pages how many pages there are (≥ 1)
 * @param total how many rows the whole list has
 * @param href the address of page `n` (keeping the page's other parameters)
 * @param label accessible name of the navigation (which list it pages)
 * @param summary replaces the default "page of pages, total" text
 */
export async function Pager({
  page,
  pages,
  total,
  href,
  label,
  summary,
  testId,
}: {
  page: number;
  pages: number;
  total: number;
  href: (n: number) => string;
  label: string;
  summary?: ReactNode;
  testId?: string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("common");
  const link = "rounded-md border px-3 py-1.5 hover:bg-muted";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 text-sm print:hidden" data-testid={testId}>
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{summary ?? t("page", { page, pages, total })}</span>
      {page < pages ? (
        <Link className={link} href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
