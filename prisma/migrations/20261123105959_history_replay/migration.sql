-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorApiKeyId" TEXT,
ADD COLUMN     "effectiveOn" DATE,
ADD COLUMN     "planId" TEXT,
ADD COLUMN     "sequence" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_sequence_key" ON "AuditLog"("sequence");

-- CreateIndex
CREATE INDEX "AuditLog_planId_effectiveOn_idx" ON "AuditLog"("planId", "effectiveOn");

-- CreateIndex
CREATE INDEX "AuditLog_organisationId_period_idx" ON "AuditLog"("organisationId", "period");

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorApiKeyId_fkey" FOREIGN KEY ("actorApiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;
