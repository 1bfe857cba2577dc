-- AlterTable
ALTER TABLE "User" ADD COLUMN     "ownerLabels" TEXT[] DEFAULT ARRAY[]::TEXT[];
