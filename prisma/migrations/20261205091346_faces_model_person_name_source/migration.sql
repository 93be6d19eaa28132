-- AlterTable
ALTER TABLE "Face" ADD COLUMN "model" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "nameSource" TEXT;
