"use client";

import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (pages print on A4, app/globals.css). */
export function PrintButton({ label }: { label?: string }) {
  const t = useTranslations("common");
  return (
    <Button type="button" variant="outline" onClick={() => window.print()}>
      <Printer aria-hidden="true" className="size-4" />
      {label ?? t("print")}
    </Button>
  );
}
