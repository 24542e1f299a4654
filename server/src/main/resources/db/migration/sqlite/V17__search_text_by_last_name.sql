-- The owner's folded search text in last-name order: a search of a common word sorted by last name walks this
-- index testing each entry's text (the "text walk"), and with the key, the id and the favourite mark beside the
-- text it reads no contact's row (0.65 ms against 0.41 for a page of "nunez" among 100,000 contacts, one client;
-- docs/benchmarks.md, "The text walk from the text's own index"). It replaces V3's index of the text alone, which
-- served only scans of every entry (one-character words), which read this one as well: about 2 MB more.
-- [jooq ignore start]
DROP INDEX contacts_live_search;
CREATE INDEX contacts_live_search ON contacts (user_id, deleted_at, last_name_key, id, favorite, search_text)
    WHERE deleted_at IS NULL;
-- [jooq ignore stop]
