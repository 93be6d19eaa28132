-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
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
    "fileState" TEXT NOT NULL DEFAULT 'ok',
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Asset" ("altitude", "capturedAt", "capturedAtSource", "createdAt", "decodeError", "decodeState", "durationMs", "exposureTime", "ext", "fNumber", "focalLength", "height", "id", "iso", "kind", "latitude", "lens", "longitude", "make", "metadataJson", "mimeType", "model", "motionPhoto", "orientation", "originalName", "pageCount", "sha256", "size", "source", "thumbhash", "timeZone", "updatedAt", "videoCodec", "width") SELECT "altitude", "capturedAt", "capturedAtSource", "createdAt", "decodeError", "decodeState", "durationMs", "exposureTime", "ext", "fNumber", "focalLength", "height", "id", "iso", "kind", "latitude", "lens", "longitude", "make", "metadataJson", "mimeType", "model", "motionPhoto", "orientation", "originalName", "pageCount", "sha256", "size", "source", "thumbhash", "timeZone", "updatedAt", "videoCodec", "width" FROM "Asset";
DROP TABLE "Asset";
ALTER TABLE "new_Asset" RENAME TO "Asset";
CREATE UNIQUE INDEX "Asset_sha256_key" ON "Asset"("sha256");
CREATE INDEX "Asset_capturedAt_id_idx" ON "Asset"("capturedAt" DESC, "id" DESC);
CREATE INDEX "Asset_kind_capturedAt_id_idx" ON "Asset"("kind", "capturedAt" DESC, "id" DESC);
CREATE INDEX "Asset_verifiedAt_idx" ON "Asset"("verifiedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");
