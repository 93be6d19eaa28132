-- CreateTable
CREATE TABLE "ShareUnlockBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "attempts" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ShareUnlockBucket_updatedAt_idx" ON "ShareUnlockBucket"("updatedAt");
