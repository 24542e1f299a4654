-- PostgreSQL twin of sqlite/V6 (SQLite's FTS5 trigram index for search): nothing to build here, since the
-- trigram GIN index contacts_live_search (V3, pg_trgm) already serves search's substring tests. Kept so that both
-- databases' schemas carry the same version.
COMMENT ON INDEX contacts_live_search IS
    'Search''s substring index: pg_trgm over the folded search text (SQLite: the FTS5 table contacts_search)';
