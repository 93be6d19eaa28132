-- CreateTable
CREATE TABLE "AssetHash" (
    "assetId" TEXT NOT NULL PRIMARY KEY,
    "phash" TEXT NOT NULL,
    "turned" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssetHash_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotDuplicate" (
    "shaA" TEXT NOT NULL,
    "shaB" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shaA", "shaB")
);
