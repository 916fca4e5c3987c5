import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A table that may scroll sideways on a phone. With `label` the scrolling
 * region is named and keyboard-focusable (WCAG 2.1.1; axe
 * "scrollable-region-focusable"), and the table itself carries the same
 * accessible name. On paper (A4) nothing is clipped: cells get
 * tighter instead.
 */
/**
 * Below the `sm` breakpoint a `stack` table shows each row as a card: every
 * cell on its own line after its column's name (TD `label`), so the status and
 * the amount are never hidden behind a sideways scroll (issue 11.7).
 */
const STACK =
  "max-sm:block max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tr]:block max-sm:[&_tr]:px-1 max-sm:[&_tr]:py-2 max-sm:[&_td]:flex max-sm:[&_td]:items-baseline max-sm:[&_td]:justify-between max-sm:[&_td]:gap-3 max-sm:[&_td]:py-1 max-sm:[&_td]:text-right max-sm:[&_td]:whitespace-normal max-sm:[&_td]:before:shrink-0 max-sm:[&_td]:before:text-left max-sm:[&_td]:before:text-xs max-sm:[&_td]:before:text-muted-foreground max-sm:[&_td]:before:content-[attr(data-label)]";

export function Table({ className, label, stack, scrollHint, ...props }: React.ComponentProps<"table"> & { label?: string; stack?: boolean; scrollHint?: string }) {
  const table = (
    <div
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={label ? 0 : undefined}
      className="w-full overflow-x-auto rounded-md border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring print:overflow-visible print:rounded-none"
    >
      <table aria-label={label} className={cn(stack && STACK, "w-full caption-bottom text-sm print:[&_td]:px-1 print:[&_th]:h-auto print:[&_th]:px-1 print:[&_th]:py-1", className)} {...props} />
    </div>
  );
  if (!scrollHint) return table;
  // A wide table that stays a table on a phone says that it scrolls sideways (never an unmarked scroll).
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-muted-foreground sm:hidden print:hidden" data-testid="scroll-hint">
        ↔ {scrollHint}
      </p>
      {table}
    </div>
  );
}
export function THead(props: React.ComponentProps<"thead">) {
  return <thead className="bg-muted/60 [&_th]:text-left" {...props} />;
}
export function TBody(props: React.ComponentProps<"tbody">) {
  return <tbody className="[&_tr:last-child]:border-0" {...props} />;
}
export function TR({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("border-b transition-colors hover:bg-muted/40", className)} {...props} />;
}
export function TH({ className, ...props }: React.ComponentProps<"th">) {
  return <th scope="col" className={cn("h-10 px-3 align-middle font-medium text-muted-foreground whitespace-nowrap", className)} {...props} />;
}
/** A cell; `label` (its column's name) is shown before it when a `stack` table is a card on a phone. */
export function TD({ className, label, ...props }: React.ComponentProps<"td"> & { label?: string }) {
  return <td data-label={label} className={cn("px-3 py-2 align-middle", className)} {...props} />;
}
