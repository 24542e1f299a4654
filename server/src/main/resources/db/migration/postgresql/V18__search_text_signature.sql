-- PostgreSQL twin of sqlite/V18 (a trigram signature of the folded search text, which SQLite's text walk tests
-- before instr()): the column only, so that both databases' rows are written alike. PostgreSQL's searches go through
-- the trigram GIN index contacts_live_search (V3) and never read it.
ALTER TABLE contacts ADD COLUMN search_sig BIGINT NOT NULL DEFAULT -1;
