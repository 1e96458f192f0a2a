-- DropIndex
DROP INDEX "DncEntry_teamId_url_key";

-- DropIndex
DROP INDEX "EntryAlias_teamId_url_key";

-- AlterTable
ALTER TABLE "DncEntry" ADD COLUMN     "clientId" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "EntryAlias" ADD COLUMN     "clientId" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "RemovedEntry" ADD COLUMN     "clientId" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "clientId" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "clientId" TEXT;

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Client_teamId_name_key" ON "Client"("teamId", "name");

-- CreateIndex
CREATE INDEX "DncEntry_teamId_clientId_createdAt_id_idx" ON "DncEntry"("teamId", "clientId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DncEntry_teamId_url_clientId_key" ON "DncEntry"("teamId", "url", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "EntryAlias_teamId_url_clientId_key" ON "EntryAlias"("teamId", "url", "clientId");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

