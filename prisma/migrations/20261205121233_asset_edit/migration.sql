-- CreateTable
CREATE TABLE "AssetEdit" (
    "assetId" TEXT NOT NULL PRIMARY KEY,
    "rotation" INTEGER NOT NULL DEFAULT 0,
    "capturedAt" DATETIME,
    "timeZone" TEXT,
    "wasCapturedAt" DATETIME,
    "wasCaptureSource" TEXT,
    "wasTimeZone" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "wasLatitude" REAL,
    "wasLongitude" REAL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssetEdit_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
