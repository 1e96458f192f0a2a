-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "optOutWindowDays" INTEGER NOT NULL DEFAULT 10
);
INSERT INTO "new_Team" ("createdAt", "id", "name", "slug") SELECT "createdAt", "id", "name", "slug" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");
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
    CONSTRAINT "DncEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DncEntry" ("createdAt", "createdBy", "id", "includeSubdomains", "kind", "note", "source", "sourceFile", "teamId", "updatedAt", "url") SELECT "createdAt", "createdBy", "id", "includeSubdomains", "kind", "note", "source", "sourceFile", "teamId", "updatedAt", "url" FROM "DncEntry";
DROP TABLE "DncEntry";
ALTER TABLE "new_DncEntry" RENAME TO "DncEntry";
CREATE INDEX "DncEntry_teamId_createdAt_id_idx" ON "DncEntry"("teamId", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_source_createdAt_id_idx" ON "DncEntry"("teamId", "source", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_createdBy_createdAt_id_idx" ON "DncEntry"("teamId", "createdBy", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_kind_createdAt_id_idx" ON "DncEntry"("teamId", "kind", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_teamId_category_createdAt_id_idx" ON "DncEntry"("teamId", "category", "createdAt" DESC, "id" DESC);
CREATE INDEX "DncEntry_expiresAt_idx" ON "DncEntry"("expiresAt");
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
    "expiresAt" DATETIME,
    "category" TEXT NOT NULL DEFAULT 'opt_out',
    "receivedAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "removedAt" DATETIME NOT NULL,
    "removedBy" TEXT NOT NULL,
    "reason" TEXT,
    "removalEventId" TEXT NOT NULL,
    "aliases" TEXT,
    CONSTRAINT "RemovedEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RemovedEntry" ("aliases", "createdAt", "createdBy", "id", "includeSubdomains", "kind", "note", "reason", "removalEventId", "removedAt", "removedBy", "source", "sourceFile", "teamId", "url") SELECT "aliases", "createdAt", "createdBy", "id", "includeSubdomains", "kind", "note", "reason", "removalEventId", "removedAt", "removedBy", "source", "sourceFile", "teamId", "url" FROM "RemovedEntry";
DROP TABLE "RemovedEntry";
ALTER TABLE "new_RemovedEntry" RENAME TO "RemovedEntry";
CREATE INDEX "RemovedEntry_teamId_removedAt_id_idx" ON "RemovedEntry"("teamId", "removedAt" DESC, "id" DESC);
CREATE INDEX "RemovedEntry_teamId_url_idx" ON "RemovedEntry"("teamId", "url");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

