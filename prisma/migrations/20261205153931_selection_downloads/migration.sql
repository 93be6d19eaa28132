-- CreateTable
CREATE TABLE "SelectionDownload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assetIds" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SelectionDownload_expiresAt_idx" ON "SelectionDownload"("expiresAt");
