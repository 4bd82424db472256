-- AlterTable
ALTER TABLE "VisaProcedure" ADD COLUMN     "excludedNationalities" TEXT[] DEFAULT ARRAY[]::TEXT[];
