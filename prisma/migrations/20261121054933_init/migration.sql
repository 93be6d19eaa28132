-- CreateTable
CREATE TABLE "Asset" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AssetName" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssetName_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Derivative" (
    "assetId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "relPath" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" INTEGER NOT NULL,
    "etag" TEXT NOT NULL,

    PRIMARY KEY ("assetId", "kind"),
    CONSTRAINT "Derivative_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentText" (
    "assetId" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    CONSTRAINT "DocumentText_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Job" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "assetId" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "priority" INTEGER NOT NULL DEFAULT 100,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "leasedBy" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "Job_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestAudit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "size" BIGINT,
    "sha256" TEXT,
    "outcome" TEXT NOT NULL,
    "errorCode" TEXT,
    "message" TEXT,
    "assetId" TEXT
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Asset_sha256_key" ON "Asset"("sha256");

-- CreateIndex
CREATE INDEX "Asset_capturedAt_id_idx" ON "Asset"("capturedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_kind_capturedAt_id_idx" ON "Asset"("kind", "capturedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AssetName_assetId_name_source_key" ON "AssetName"("assetId", "name", "source");

-- CreateIndex
CREATE UNIQUE INDEX "Job_key_key" ON "Job"("key");

-- CreateIndex
CREATE INDEX "Job_status_priority_runAfter_idx" ON "Job"("status", "priority", "runAfter");

-- CreateIndex
CREATE INDEX "IngestAudit_at_idx" ON "IngestAudit"("at");
