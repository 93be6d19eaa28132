-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Album" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "date" DATETIME,
    "source" TEXT NOT NULL DEFAULT 'user',
    "sourceKey" TEXT,
    "coverAssetId" TEXT,
    "sort" TEXT NOT NULL DEFAULT 'newest',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Album" ("createdAt", "date", "description", "id", "source", "sourceKey", "title", "updatedAt") SELECT "createdAt", "date", "description", "id", "source", "sourceKey", "title", "updatedAt" FROM "Album";
DROP TABLE "Album";
ALTER TABLE "new_Album" RENAME TO "Album";
CREATE UNIQUE INDEX "Album_sourceKey_key" ON "Album"("sourceKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
