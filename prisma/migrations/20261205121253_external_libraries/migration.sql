-- CreateTable
CREATE TABLE "Library" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "root" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'online',
    "stateReason" TEXT,
    "scanRound" INTEGER NOT NULL DEFAULT 0,
    "scanStartedAt" DATETIME,
    "scanCursor" TEXT,
    "scanSeen" INTEGER NOT NULL DEFAULT 0,
    "scanNew" INTEGER NOT NULL DEFAULT 0,
    "scanChanged" INTEGER NOT NULL DEFAULT 0,
    "availableScans" INTEGER NOT NULL DEFAULT 0,
    "lastScanAt" DATETIME,
    "lastScanMs" INTEGER,
    "scanRequested" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LibraryFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "libraryId" TEXT NOT NULL,
    "relPath" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mtimeMs" REAL NOT NULL,
    "inode" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "assetId" TEXT,
    "seenRound" INTEGER NOT NULL,
    "missingScans" INTEGER NOT NULL DEFAULT 0,
    "missingSince" DATETIME,
    CONSTRAINT "LibraryFile_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "Library" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Library_root_key" ON "Library"("root");

-- CreateIndex
CREATE INDEX "LibraryFile_assetId_idx" ON "LibraryFile"("assetId");

-- CreateIndex
CREATE INDEX "LibraryFile_sha256_idx" ON "LibraryFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "LibraryFile_libraryId_relPath_key" ON "LibraryFile"("libraryId", "relPath");
