/**
 * Paging of every list (fund lists, the ledger, the applications review
 * queue, notifications): ONE rule for the page shown and the rows it covers.
 * Lists are paged, never silently cut off; a malformed or out-of-range
 * "?page=" falls back to the nearest valid page instead of failing (pure).
 */

/** Where a page lies in a list: 1-based page of `pages`, the rows [offset, offset + perPage). */
export type PageWindow = { page: number; pages: number; perPage: number; offset: number; total: number };

/** One page of a list, with the size of the whole list. */
export type Paged<T> = PageWindow & { rows: T[] };

/**
 * The page of a list of `total` rows, `perPage` per page, that `requested` asks for:
 * a "?page=" string ("3") or a number, clamped to [1, pages]; anything else → page 1.
 * @returns the window (pages ≥ 1 even for an empty list)
 */
export function paginate(total: number, perPage: number, requested: unknown): PageWindow {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const n =
    typeof requested === "number" && Number.isInteger(requested) ? requested : typeof requested === "string" && /^\d{1,6}$/.test(requested) ? Number(requested) : 1;
  const page = Math.min(Math.max(1, n), pages);
  return { page, pages, perPage, total, offset: (page - 1) * perPage };
}

/** The page's rows with its window. */
export function paged<T>(window: PageWindow, rows: T[]): Paged<T> {
  return { ...window, rows };
}
