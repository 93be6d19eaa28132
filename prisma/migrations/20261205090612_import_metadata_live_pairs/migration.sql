-- CreateTable
CREATE TABLE "ImportedMetadata" (
    "assetId" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT,
    "favorite" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ImportedMetadata_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LivePhotoPair" (
    "stillId" TEXT NOT NULL PRIMARY KEY,
    "videoId" TEXT NOT NULL,
    CONSTRAINT "LivePhotoPair_stillId_fkey" FOREIGN KEY ("stillId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LivePhotoPair_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "LivePhotoPair_videoId_key" ON "LivePhotoPair"("videoId");
