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
    CONSTRAINT "DncEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DncEntry" ("createdAt", "createdBy", "id", "note", "source", "sourceFile", "teamId", "updatedAt", "url") SELECT "createdAt", "createdBy", "id", "note", "source", "sourceFile", "teamId", "updatedAt", "url" FROM "DncEntry";
DROP TABLE "DncEntry";
ALTER TABLE "new_DncEntry" RENAME TO "DncEntry";
CREATE INDEX "DncEntry_teamId_createdAt_id_idx" ON "DncEntry"("teamId", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_source_createdAt_id_idx" ON "DncEntry"("teamId", "source", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_createdBy_createdAt_id_idx" ON "DncEntry"("teamId", "createdBy", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_kind_createdAt_id_idx" ON "DncEntry"("teamId", "kind", "createdAt" DESC, "id" DESC);
CREATE UNIQUE INDEX "DncEntry_teamId_url_key" ON "DncEntry"("teamId", "url");
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
    "removedAt" DATETIME NOT NULL,
    "removedBy" TEXT NOT NULL,
    "reason" TEXT,
    "removalEventId" TEXT NOT NULL,
    "aliases" TEXT,
    CONSTRAINT "RemovedEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RemovedEntry" ("aliases", "createdAt", "createdBy", "id", "note", "reason", "removalEventId", "removedAt", "removedBy", "source", "sourceFile", "teamId", "url") SELECT "aliases", "createdAt", "createdBy", "id", "note", "reason", "removalEventId", "removedAt", "removedBy", "source", "sourceFile", "teamId", "url" FROM "RemovedEntry";
DROP TABLE "RemovedEntry";
ALTER TABLE "new_RemovedEntry" RENAME TO "RemovedEntry";
CREATE INDEX "RemovedEntry_teamId_removedAt_id_idx" ON "RemovedEntry"("teamId", "removedAt" DESC, "id" DESC);
CREATE INDEX "RemovedEntry_teamId_url_idx" ON "RemovedEntry"("teamId", "url");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

