-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN "progress" TEXT;
