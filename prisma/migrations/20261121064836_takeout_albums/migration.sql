-- CreateTable
CREATE TABLE "Album" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "date" DATETIME,
    "source" TEXT NOT NULL DEFAULT 'user',
    "sourceKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AlbumAsset" (
    "albumId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("albumId", "assetId"),
    CONSTRAINT "AlbumAsset_albumId_fkey" FOREIGN KEY ("albumId") REFERENCES "Album" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AlbumAsset_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssetPersonHint" (
    "assetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "name"),
    CONSTRAINT "AssetPersonHint_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inputs" TEXT NOT NULL,
    "options" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'cataloguing',
    "error" TEXT,
    "report" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "assetId" TEXT,
    "sha256" TEXT,
    "sidecar" TEXT,
    CONSTRAINT "ImportEntry_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ImportRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Asset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "ext" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "originalName" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "capturedAt" DATETIME NOT NULL,
    "capturedAtSource" TEXT NOT NULL,
    "timeZone" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "orientation" INTEGER,
    "latitude" REAL,
    "longitude" REAL,
    "altitude" REAL,
    "make" TEXT,
    "model" TEXT,
    "lens" TEXT,
    "iso" INTEGER,
    "exposureTime" REAL,
    "fNumber" REAL,
    "focalLength" REAL,
    "durationMs" INTEGER,
    "videoCodec" TEXT,
    "pageCount" INTEGER,
    "motionPhoto" BOOLEAN NOT NULL DEFAULT false,
    "metadataJson" TEXT,
    "decodeState" TEXT NOT NULL DEFAULT 'pending',
    "decodeError" TEXT,
    "thumbhash" TEXT,
    "description" TEXT,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "trashedAt" DATETIME,
    "origin" TEXT,
    "folder" TEXT,
    "editedFromId" TEXT,
    "fileState" TEXT NOT NULL DEFAULT 'ok',
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Asset_editedFromId_fkey" FOREIGN KEY ("editedFromId") REFERENCES "Asset" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Asset" ("altitude", "capturedAt", "capturedAtSource", "createdAt", "decodeError", "decodeState", "durationMs", "exposureTime", "ext", "fNumber", "fileState", "focalLength", "height", "id", "iso", "kind", "latitude", "lens", "longitude", "make", "metadataJson", "mimeType", "model", "motionPhoto", "orientation", "originalName", "pageCount", "sha256", "size", "source", "thumbhash", "timeZone", "updatedAt", "verifiedAt", "videoCodec", "width") SELECT "altitude", "capturedAt", "capturedAtSource", "createdAt", "decodeError", "decodeState", "durationMs", "exposureTime", "ext", "fNumber", "fileState", "focalLength", "height", "id", "iso", "kind", "latitude", "lens", "longitude", "make", "metadataJson", "mimeType", "model", "motionPhoto", "orientation", "originalName", "pageCount", "sha256", "size", "source", "thumbhash", "timeZone", "updatedAt", "verifiedAt", "videoCodec", "width" FROM "Asset";
DROP TABLE "Asset";
ALTER TABLE "new_Asset" RENAME TO "Asset";
CREATE UNIQUE INDEX "Asset_sha256_key" ON "Asset"("sha256");
CREATE INDEX "Asset_capturedAt_id_idx" ON "Asset"("capturedAt" DESC, "id" DESC);
CREATE INDEX "Asset_kind_capturedAt_id_idx" ON "Asset"("kind", "capturedAt" DESC, "id" DESC);
CREATE INDEX "Asset_verifiedAt_idx" ON "Asset"("verifiedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Album_sourceKey_key" ON "Album"("sourceKey");

-- CreateIndex
CREATE INDEX "AlbumAsset_assetId_idx" ON "AlbumAsset"("assetId");

-- CreateIndex
CREATE INDEX "ImportEntry_runId_status_idx" ON "ImportEntry"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImportEntry_runId_part_path_key" ON "ImportEntry"("runId", "part", "path");
