-- AlterTable
ALTER TABLE "RemovedEntry" ADD COLUMN     "aliases" TEXT;

-- CreateTable
CREATE TABLE "EntryAlias" (
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "EntryAlias_entryId_idx" ON "EntryAlias"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "EntryAlias_teamId_url_key" ON "EntryAlias"("teamId", "url");

-- AddForeignKey
ALTER TABLE "EntryAlias" ADD CONSTRAINT "EntryAlias_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryAlias" ADD CONSTRAINT "EntryAlias_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "DncEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

