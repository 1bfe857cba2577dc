-- History is never rewritten: the audit log and progress updates are append-only. Prisma does
-- not model triggers, so this migration is hand-written (pnpm migrate:create <name> --empty).
-- A correction is a new row that says what it corrects.

CREATE FUNCTION "forbid_history_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING HINT = 'Record a new entry instead of changing or removing an old one.';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_history_change"();

CREATE TRIGGER "ProgressUpdate_append_only"
  BEFORE UPDATE OR DELETE ON "ProgressUpdate"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();

CREATE TRIGGER "ProgressUpdate_no_truncate"
  BEFORE TRUNCATE ON "ProgressUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_history_change"();
