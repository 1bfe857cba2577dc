-- CreateEnum
CREATE TYPE "ReportAudience" AS ENUM ('INTERNAL', 'PUBLIC');

-- CreateTable
CREATE TABLE "StoredReport" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "closedOn" DATE NOT NULL,
    "previousDigest" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredReportFile" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "audience" "ReportAudience" NOT NULL,
    "format" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredReportFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoredReport_planId_period_idx" ON "StoredReport"("planId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "StoredReport_planId_sequence_key" ON "StoredReport"("planId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "StoredReportFile_reportId_audience_format_key" ON "StoredReportFile"("reportId", "audience", "format");

-- AddForeignKey
ALTER TABLE "StoredReport" ADD CONSTRAINT "StoredReport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredReport" ADD CONSTRAINT "StoredReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredReportFile" ADD CONSTRAINT "StoredReportFile_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "StoredReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A stored report is never rewritten (hand-written below; Prisma does not model triggers): its
-- files are append-only, and the only change to a report is marking it superseded, once, when
-- its quarter is reopened. The chain of digests (packages/db/src/report/archive.ts) shows any
-- rewrite made by someone who got past these triggers.
CREATE TRIGGER "StoredReportFile_append_only"
  BEFORE UPDATE OR DELETE ON "StoredReportFile"
  FOR EACH ROW EXECUTE FUNCTION "forbid_history_change"();

CREATE TRIGGER "StoredReportFile_no_truncate"
  BEFORE TRUNCATE ON "StoredReportFile"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_history_change"();

CREATE FUNCTION "forbid_stored_report_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."supersededAt" IS NULL AND NEW."supersededAt" IS NOT NULL
     AND NEW."id" = OLD."id" AND NEW."organisationId" = OLD."organisationId"
     AND NEW."planId" = OLD."planId" AND NEW."period" = OLD."period"
     AND NEW."sequence" = OLD."sequence" AND NEW."closedOn" = OLD."closedOn"
     AND NEW."previousDigest" = OLD."previousDigest" AND NEW."digest" = OLD."digest"
     AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'StoredReport is append-only: % is not allowed', TG_OP
    USING HINT = 'Only marking a report superseded, when its quarter is reopened, is allowed.';
END;
$$;

CREATE TRIGGER "StoredReport_append_only"
  BEFORE UPDATE OR DELETE ON "StoredReport"
  FOR EACH ROW EXECUTE FUNCTION "forbid_stored_report_change"();

CREATE TRIGGER "StoredReport_no_truncate"
  BEFORE TRUNCATE ON "StoredReport"
  FOR EACH STATEMENT EXECUTE FUNCTION "forbid_history_change"();
