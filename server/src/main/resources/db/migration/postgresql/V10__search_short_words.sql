-- PostgreSQL twin of sqlite/V10 (two-character words through SQLite's FTS5 trigram index): nothing to change here,
-- since the search's words are tested with LIKE, which the planner serves from the pg_trgm index or the owner's
-- rows. Kept so that both databases' schemas carry the same version.
COMMENT ON INDEX contacts_live_search IS
    'Search''s substring index: pg_trgm over the folded search text (SQLite: the FTS5 tables contacts_search and contacts_search_terms)';
