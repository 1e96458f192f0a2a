-- AlterTable
ALTER TABLE "DncEntry" ADD COLUMN     "includeSubdomains" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'profile';

-- AlterTable
ALTER TABLE "RemovedEntry" ADD COLUMN     "includeSubdomains" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'profile';

-- CreateIndex
CREATE INDEX "DncEntry_teamId_kind_createdAt_id_idx" ON "DncEntry"("teamId", "kind", "createdAt" DESC, "id" DESC);

