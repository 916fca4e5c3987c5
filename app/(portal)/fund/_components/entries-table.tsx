/**
 * The ledger of a fund-year (server component): every entry with its application,
 * district, recorder and approver (经审会 read-only; the office may reverse).
 */
import { getTranslations } from "next-intl/server";
import { paymentMethodLabel } from "@/lib/ledger/methods";
import { formatYuan } from "@/lib/money";
import type { EntryView } from "@/lib/fund/queries";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ReverseDialog } from "./forms";

export async function EntriesTable({ entries, caption, canReverse }: { entries: EntryView[]; caption: string; canReverse: boolean }) {
  const t = await getTranslations("fund");
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("entries.empty")}</p>;
  return (
    <Table label={caption} className="text-xs print:text-[7pt]">
      <caption className="sr-only">{caption}</caption>
      <THead>
        <TR>
          <TH>{t("entries.seq")}</TH>
          <TH>{t("entries.date")}</TH>
          <TH>{t("entries.kind")}</TH>
          <TH className="text-right!">{t("entries.amount")}</TH>
          <TH className="text-right!">{t("entries.balanceAfter")}</TH>
          <TH>{t("entries.article")}</TH>
          <TH>{t("entries.application")}</TH>
          <TH>{t("entries.district")}</TH>
          <TH>{t("entries.createdBy")}</TH>
          <TH>{t("entries.approvedBy")}</TH>
          <TH>{t("entries.memo")}</TH>
          {canReverse ? <TH className="print:hidden">{t("entries.reverse")}</TH> : null}
        </TR>
      </THead>
      <TBody>
        {entries.map((e) => (
          <TR key={e.id} data-testid={`entry-${e.seq}`}>
            <TD className="tabular-nums">{e.seq}</TD>
            <TD className="whitespace-nowrap">{e.entryDate}</TD>
            <TD className="whitespace-nowrap">
              {t(`kinds.${e.kind}`)}
              {e.reversesSeq !== null ? <div className="text-muted-foreground">{t("entries.reversesSeq", { seq: e.reversesSeq })}</div> : null}
              {e.reversedBySeq !== null ? <div className="text-muted-foreground">{t("entries.reversedBySeq", { seq: e.reversedBySeq })}</div> : null}
            </TD>
            <TD className={`text-right tabular-nums ${e.amount.startsWith("-") ? "text-red-700" : ""}`}>{formatYuan(e.amount)}</TD>
            <TD className="text-right tabular-nums">{formatYuan(e.balanceAfter)}</TD>
            <TD className="whitespace-nowrap">{e.article ? t(`articleShort.${e.article}`) : ""}</TD>
            <TD className="whitespace-nowrap font-mono">{e.applicationNumber ?? ""}</TD>
            <TD>{e.district ?? e.counterpart ?? ""}</TD>
            <TD className="whitespace-nowrap">{e.createdBy}</TD>
            <TD className="whitespace-nowrap">{e.approvedBy ?? ""}</TD>
            <TD className="min-w-40">
              {e.memo}
              {e.method ? <span className="text-muted-foreground"> · {paymentMethodLabel(e.method, t)}</span> : null}
              {e.reference ? <span className="text-muted-foreground"> · {e.reference}</span> : null}
            </TD>
            {canReverse ? (
              <TD className="print:hidden">
                {e.kind !== "REVERSAL" && e.kind !== "ROLLOVER" && e.reversedBySeq === null ? <ReverseDialog entryId={e.id} seq={e.seq} /> : null}
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
