-- AlterTable
ALTER TABLE "LibraryFile" ADD COLUMN "sidecarStamp" TEXT DEFAULT '?';

-- CreateTable
CREATE TABLE "PendingArrival" (
    "sha256" TEXT NOT NULL PRIMARY KEY
);
