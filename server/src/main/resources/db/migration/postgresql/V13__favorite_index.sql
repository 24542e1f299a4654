-- PostgreSQL twin of sqlite/V13: the owner's live favourites, one entry each, so that the total of a list filtered
-- by the favourite mark is counted from this index (an index-only scan where the visibility map allows) rather than
-- from every live contact's row.
CREATE INDEX contacts_live_favorite ON contacts (user_id) WHERE deleted_at IS NULL AND favorite;
