/** A4 sheet wrapper of the printable forms (申报表, 意见书). */
import type { ReactNode } from "react";

/** An A4 sheet: framed on screen, edge to edge on paper (A4 margins come from globals.css @page). */
export function Sheet({ children, label }: { children: ReactNode; label: string }) {
  return (
    <article
      aria-label={label}
      className="mx-auto w-full max-w-[210mm] bg-white p-4 font-serif text-[15px] leading-relaxed text-black shadow-sm sm:p-10 print:max-w-none print:p-0 print:shadow-none"
      data-testid="print-sheet"
    >
      {children}
    </article>
  );
}
