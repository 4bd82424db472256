-- Issue 14: the reviewers' search reads the trigram index without a pending list.
-- With GIN's default fastupdate, new keys wait in an unsorted pending list (up to
-- gin_pending_list_limit, 4 MB) until a vacuum merges them, and every search reads that whole
-- list: measured at 100,000 dossiers after an import, 400 to 600 pages per search (15 ms for a
-- one-dossier match instead of under 2 ms once merged), worse on a loaded machine. Dossiers are
-- written one at a time, so inserting into the index directly costs little; searches come first.
ALTER INDEX "Application_searchKey_idx" SET (fastupdate = off);

-- What is already waiting is merged now rather than at the next vacuum.
SELECT gin_clean_pending_list('"Application_searchKey_idx"'::regclass);
