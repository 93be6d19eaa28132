-- AlterTable
ALTER TABLE "LibraryFile" ADD COLUMN "sidecarStamp" TEXT;

-- CreateTable
CREATE TABLE "PendingArrival" (
    "sha256" TEXT NOT NULL PRIMARY KEY
);
