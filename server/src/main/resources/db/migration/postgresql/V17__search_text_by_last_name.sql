-- PostgreSQL twin of sqlite/V17 (SQLite's text walk reads the folded text in last-name order): nothing to build
-- here, since PostgreSQL's searches go through the trigram GIN index contacts_live_search (V3). Kept so that both
-- databases' schemas carry the same version.
COMMENT ON INDEX contacts_live_search IS
    'Search''s substring index: pg_trgm over the folded search text (SQLite: the FTS5 tables contacts_search and contacts_search_terms, and the text in last-name order)';
