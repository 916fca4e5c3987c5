-- Append-only tables: the audit trail (hash-chained) and the fund ledger
-- (art. 12 专门科目; corrections are REVERSAL entries, never edits).
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER "LedgerEntry_no_truncate" BEFORE TRUNCATE ON "LedgerEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- Money sanity (yuan, numeric(14,2)).
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_nonzero" CHECK (amount <> 0);
ALTER TABLE "FundYear" ADD CONSTRAINT "FundYear_balance_nonnegative" CHECK (balance >= 0);
ALTER TABLE "Payable" ADD CONSTRAINT "Payable_amount_positive" CHECK (amount > 0);
ALTER TABLE "FundRequest" ADD CONSTRAINT "FundRequest_amount_positive" CHECK (amount > 0);
