-- CreateTable
CREATE TABLE "FileCrc" (
    "sha256" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "crc32" INTEGER NOT NULL,

    PRIMARY KEY ("sha256", "variant")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "albumId" TEXT,
    "title" TEXT NOT NULL,
    "passphraseHash" TEXT,
    "expiresAt" DATETIME,
    "allowDownload" BOOLEAN NOT NULL DEFAULT true,
    "showMetadata" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ShareLinkAsset" (
    "linkId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("linkId", "assetId"),
    CONSTRAINT "ShareLinkAsset_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShareLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
