-- AlterTable
ALTER TABLE "DncEntry" ADD COLUMN "sourceFile" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "sequence" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "source" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "sourceFile" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "undoes" TEXT;

-- CreateTable
CREATE TABLE "RemovedEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceFile" TEXT,
    "note" TEXT,
    "removedAt" DATETIME NOT NULL,
    "removedBy" TEXT NOT NULL,
    "reason" TEXT,
    "removalEventId" TEXT NOT NULL,
    CONSTRAINT "RemovedEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RemovedEntry_teamId_removedAt_id_idx" ON "RemovedEntry"("teamId", "removedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "RemovedEntry_teamId_url_idx" ON "RemovedEntry"("teamId", "url");

-- CreateIndex
CREATE INDEX "DncEntry_teamId_source_createdAt_id_idx" ON "DncEntry"("teamId", "source", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DncEntry_teamId_createdBy_createdAt_id_idx" ON "DncEntry"("teamId", "createdBy", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_url_createdAt_id_idx" ON "AuditEvent"("teamId", "url", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_teamId_sequence_key" ON "AuditEvent"("teamId", "sequence");


-- Entries added by an API key name the key as well as its prefix (provenance outlives the key)
UPDATE "DncEntry" SET "createdBy" = (
  SELECT "ApiKey"."name" || ' (' || "DncEntry"."createdBy" || ')' FROM "ApiKey"
  WHERE "ApiKey"."teamId" = "DncEntry"."teamId" AND 'key:' || "ApiKey"."prefix" = "DncEntry"."createdBy"
)
WHERE EXISTS (
  SELECT 1 FROM "ApiKey" WHERE "ApiKey"."teamId" = "DncEntry"."teamId" AND 'key:' || "ApiKey"."prefix" = "DncEntry"."createdBy"
);
