import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A table that may scroll sideways on a phone. With `label` the scrolling
 * region is named and keyboard-focusable (WCAG 2.1.1; axe
 * "scrollable-region-focusable"), and the table itself carries the same
 * accessible name. On paper (A4) nothing is clipped: cells get
 * tighter instead.
 */
export function Table({ className, label, ...props }: React.ComponentProps<"table"> & { label?: string }) {
  return (
    <div
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={label ? 0 : undefined}
      className="w-full overflow-x-auto rounded-md border focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring print:overflow-visible print:rounded-none"
    >
      <table aria-label={label} className={cn("w-full caption-bottom text-sm print:[&_td]:px-1 print:[&_th]:h-auto print:[&_th]:px-1 print:[&_th]:py-1", className)} {...props} />
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
export function TD({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("px-3 py-2 align-middle", className)} {...props} />;
}
