-- R-PAR-1, R-PAR-2: agreement kinds and networks become data an administrator edits; seats
-- per study level; the languages of instruction, apart from the recommended language skills.
-- Existing agreements keep their kind (the enum's value becomes the kind's code) and partners
-- keep their networks (each distinct name becomes a network).

-- AlterTable: the kind keeps its value, as text referencing the kind's code.
ALTER TABLE "Agreement" ALTER COLUMN "kind" TYPE TEXT USING "kind"::TEXT;

-- DropEnum
DROP TYPE "AgreementKind";

-- CreateTable
CREATE TABLE "AgreementKind" (
    "code" TEXT NOT NULL,
    "nameFr" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "coversEveryComponent" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreementKind_pkey" PRIMARY KEY ("code")
);

INSERT INTO "AgreementKind" ("code", "nameFr", "nameEn", "coversEveryComponent") VALUES
    ('ERASMUS_PLUS', 'Erasmus+', 'Erasmus+', false),
    ('ERASMUS_MUNDUS', 'Erasmus Mundus', 'Erasmus Mundus', false),
    ('BCI_QUEBEC', 'BCI (Québec)', 'BCI (Québec)', false),
    ('BILATERAL', 'Interuniversitaire bilatéral', 'Bilateral inter-university', false),
    ('DOUBLE_DEGREE', 'Double diplôme', 'Double degree', false),
    ('STRATEGIC_PARTNERSHIP', 'Partenariat stratégique', 'Strategic partnership', true);

-- AlterTable: the languages of instruction start as the languages the agreement recommends.
ALTER TABLE "Agreement" ADD COLUMN "instructionLanguages" TEXT[] DEFAULT ARRAY[]::TEXT[];
UPDATE "Agreement" SET "instructionLanguages" = ARRAY(
    SELECT DISTINCT split_part(requirement, ':', 1)
    FROM unnest("languageRequirements") AS requirement
    ORDER BY 1
);

-- CreateTable
CREATE TABLE "Network" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_NetworkToPartnerInstitution" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_NetworkToPartnerInstitution_AB_pkey" PRIMARY KEY ("A","B")
);

-- The networks partners named become networks, and their links.
INSERT INTO "Network" ("id", "name")
SELECT gen_random_uuid(), name
FROM (SELECT DISTINCT unnest("networks") AS name FROM "PartnerInstitution") AS named;

INSERT INTO "_NetworkToPartnerInstitution" ("A", "B")
SELECT DISTINCT network."id", partner."id"
FROM "PartnerInstitution" AS partner
CROSS JOIN LATERAL unnest(partner."networks") AS named(name)
JOIN "Network" AS network ON network."name" = named.name;

-- AlterTable
ALTER TABLE "PartnerInstitution" DROP COLUMN "networks";

-- CreateTable
CREATE TABLE "AgreementLevelSeats" (
    "agreementId" UUID NOT NULL,
    "level" "StudyLevel" NOT NULL,
    "seatsPerYear" INTEGER NOT NULL,

    CONSTRAINT "AgreementLevelSeats_pkey" PRIMARY KEY ("agreementId","level")
);

-- CreateIndex
CREATE UNIQUE INDEX "Network_name_key" ON "Network"("name");

-- CreateIndex
CREATE INDEX "_NetworkToPartnerInstitution_B_index" ON "_NetworkToPartnerInstitution"("B");

-- CreateIndex
CREATE INDEX "Agreement_kind_idx" ON "Agreement"("kind");

-- AddForeignKey
ALTER TABLE "AgreementLevelSeats" ADD CONSTRAINT "AgreementLevelSeats_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_kind_fkey" FOREIGN KEY ("kind") REFERENCES "AgreementKind"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_NetworkToPartnerInstitution" ADD CONSTRAINT "_NetworkToPartnerInstitution_A_fkey" FOREIGN KEY ("A") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_NetworkToPartnerInstitution" ADD CONSTRAINT "_NetworkToPartnerInstitution_B_fkey" FOREIGN KEY ("B") REFERENCES "PartnerInstitution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
