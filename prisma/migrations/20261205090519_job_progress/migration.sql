-- AlterTable
ALTER TABLE "Job" ADD COLUMN "progress" TEXT;
