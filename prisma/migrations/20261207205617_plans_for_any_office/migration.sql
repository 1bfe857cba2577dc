-- DropIndex
DROP INDEX "Commitment_planId_code_key";

-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "liveCode" TEXT;

-- Backfill: every commitment not withdrawn keeps its code as its live code.
UPDATE "Commitment" SET "liveCode" = "code" WHERE "withdrawnInRevisionId" IS NULL;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PlanRevision" ADD COLUMN     "sourceDigest" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "platformOperator" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Commitment_planId_code_idx" ON "Commitment"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_planId_liveCode_key" ON "Commitment"("planId", "liveCode");
