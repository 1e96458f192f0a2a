-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "clientId" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "clientId" TEXT;

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "Client_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DncEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'profile',
    "includeSubdomains" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceFile" TEXT,
    "note" TEXT,
    "expiresAt" DATETIME,
    "category" TEXT NOT NULL DEFAULT 'opt_out',
    "receivedAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "clientId" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "DncEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DncEntry" ("category", "createdAt", "createdBy", "expiresAt", "id", "includeSubdomains", "kind", "late", "note", "receivedAt", "source", "sourceFile", "teamId", "updatedAt", "url") SELECT "category", "createdAt", "createdBy", "expiresAt", "id", "includeSubdomains", "kind", "late", "note", "receivedAt", "source", "sourceFile", "teamId", "updatedAt", "url" FROM "DncEntry";
DROP TABLE "DncEntry";
ALTER TABLE "new_DncEntry" RENAME TO "DncEntry";
CREATE INDEX "DncEntry_teamId_createdAt_id_idx" ON "DncEntry"("teamId", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_source_createdAt_id_idx" ON "DncEntry"("teamId", "source", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_createdBy_createdAt_id_idx" ON "DncEntry"("teamId", "createdBy", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_kind_createdAt_id_idx" ON "DncEntry"("teamId", "kind", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_category_createdAt_id_idx" ON "DncEntry"("teamId", "category", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_clientId_createdAt_id_idx" ON "DncEntry"("teamId", "clientId", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_expiresAt_idx" ON "DncEntry"("expiresAt");
CREATE UNIQUE INDEX "DncEntry_teamId_url_clientId_key" ON "DncEntry"("teamId", "url", "clientId");
CREATE TABLE "new_EntryAlias" (
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "clientId" TEXT NOT NULL DEFAULT '',
    "entryId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "EntryAlias_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryAlias_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "DncEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EntryAlias" ("createdAt", "createdBy", "entryId", "teamId", "url") SELECT "createdAt", "createdBy", "entryId", "teamId", "url" FROM "EntryAlias";
DROP TABLE "EntryAlias";
ALTER TABLE "new_EntryAlias" RENAME TO "EntryAlias";
CREATE INDEX "EntryAlias_entryId_idx" ON "EntryAlias"("entryId");
CREATE UNIQUE INDEX "EntryAlias_teamId_url_clientId_key" ON "EntryAlias"("teamId", "url", "clientId");
CREATE TABLE "new_RemovedEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'profile',
    "includeSubdomains" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceFile" TEXT,
    "note" TEXT,
    "expiresAt" DATETIME,
    "category" TEXT NOT NULL DEFAULT 'opt_out',
    "receivedAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "clientId" TEXT NOT NULL DEFAULT '',
    "removedAt" DATETIME NOT NULL,
    "removedBy" TEXT NOT NULL,
    "reason" TEXT,
    "removalEventId" TEXT NOT NULL,
    "aliases" TEXT,
    CONSTRAINT "RemovedEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RemovedEntry" ("aliases", "category", "createdAt", "createdBy", "expiresAt", "id", "includeSubdomains", "kind", "late", "note", "reason", "receivedAt", "removalEventId", "removedAt", "removedBy", "source", "sourceFile", "teamId", "url") SELECT "aliases", "category", "createdAt", "createdBy", "expiresAt", "id", "includeSubdomains", "kind", "late", "note", "reason", "receivedAt", "removalEventId", "removedAt", "removedBy", "source", "sourceFile", "teamId", "url" FROM "RemovedEntry";
DROP TABLE "RemovedEntry";
ALTER TABLE "new_RemovedEntry" RENAME TO "RemovedEntry";
CREATE INDEX "RemovedEntry_teamId_removedAt_id_idx" ON "RemovedEntry"("teamId", "removedAt" DESC, "id" DESC);
CREATE INDEX "RemovedEntry_teamId_url_idx" ON "RemovedEntry"("teamId", "url");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Client_teamId_name_key" ON "Client"("teamId", "name");

