-- Issue 14: the reviewers' search ignores accents and case and covers the home university.
-- unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads a dictionary named at run time); naming the dictionary
-- makes the result depend on the input alone, so this wrapper may be IMMUTABLE and used in
-- indexes and generated values. Lower-case after unaccent: "Œ" → "OE" → "oe".
CREATE OR REPLACE FUNCTION search_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;

-- DropIndex
DROP INDEX "Application_searchText_idx";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "searchKey" TEXT NOT NULL DEFAULT '';

-- The search key is kept by the database, so every writer (the app, seeds, imports, erasure)
-- gets it right: the names and e-mail the app puts in "searchText", plus the partner's name,
-- Erasmus code and EWP code, folded. A renamed partner refreshes its dossiers' keys.
CREATE FUNCTION application_search_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchKey" := search_fold(concat_ws(' ', NEW."searchText", (
    SELECT concat_ws(' ', p."name", p."erasmusCode", p."ewpHeiId")
    FROM "PartnerInstitution" p WHERE p."id" = NEW."partnerId"
  )));
  RETURN NEW;
END $$;

CREATE TRIGGER application_search_key
  BEFORE INSERT OR UPDATE OF "searchText", "partnerId", "searchKey" ON "Application"
  FOR EACH ROW EXECUTE FUNCTION application_search_key();

CREATE FUNCTION partner_search_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Application" SET "searchText" = "searchText" WHERE "partnerId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER partner_search_key
  AFTER UPDATE OF "name", "erasmusCode", "ewpHeiId" ON "PartnerInstitution"
  FOR EACH ROW WHEN (
    OLD."name" IS DISTINCT FROM NEW."name"
    OR OLD."erasmusCode" IS DISTINCT FROM NEW."erasmusCode"
    OR OLD."ewpHeiId" IS DISTINCT FROM NEW."ewpHeiId"
  )
  EXECUTE FUNCTION partner_search_key();

-- Existing dossiers: the trigger computes their keys.
UPDATE "Application" SET "searchText" = "searchText";

-- CreateIndex
CREATE INDEX "Application_searchKey_idx" ON "Application" USING GIN ("searchKey" gin_trgm_ops);
