-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "optOutWindowDays" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "DncEntry" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'opt_out',
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "receivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RemovedEntry" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'opt_out',
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "receivedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "DncEntry_teamId_category_createdAt_id_idx" ON "DncEntry"("teamId", "category", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DncEntry_expiresAt_idx" ON "DncEntry"("expiresAt");

