-- SQLite twin of postgresql/V15 (an index of each folded text's pairs of characters, for two-character words): nothing
-- to build here, since SQLite finds such words through the FTS5 trigram index (V10). Kept so that both databases'
-- schemas carry the same version; the statement changes nothing.
-- [jooq ignore start]
DROP INDEX IF EXISTS contacts_live_pairs;
-- [jooq ignore stop]
