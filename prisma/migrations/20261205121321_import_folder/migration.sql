-- CreateTable
CREATE TABLE "ImportFolderFile" (
    "folder" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mtimeMs" REAL NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT,
    "sha256" TEXT,
    "assetId" TEXT,
    "movedTo" TEXT,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("folder", "path")
);

-- CreateIndex
CREATE INDEX "ImportFolderFile_folder_state_idx" ON "ImportFolderFile"("folder", "state");
