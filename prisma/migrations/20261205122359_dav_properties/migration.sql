-- CreateTable
CREATE TABLE "DavProperty" (
    "itemType" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "ns" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "valueXml" TEXT NOT NULL,
    "nsJson" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("itemType", "itemId", "ns", "name")
);
