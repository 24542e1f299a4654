-- PostgreSQL twin of sqlite/V3 (address book v2). No data to move: a PostgreSQL database starts at this
-- version's code, so there is no v1 contact to convert.
ALTER TABLE contacts ADD COLUMN emails TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN phones TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN addresses TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN labels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN organization TEXT;
ALTER TABLE contacts ADD COLUMN job_title TEXT;
ALTER TABLE contacts ADD COLUMN nickname TEXT;
ALTER TABLE contacts ADD COLUMN favorite BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE contacts ADD COLUMN has_photo BOOLEAN NOT NULL DEFAULT FALSE;
-- Hex of ICU root collation keys. COLLATE "C" compares bytes: the hex's byte order is the names' Unicode
-- root collation order, whatever locale the database was made with (and a btree serves ORDER BY).
ALTER TABLE contacts ADD COLUMN first_name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN last_name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN keys_version TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN deleted_at TIMESTAMPTZ;

CREATE TABLE contact_labels (
    contact_id  BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL,
    name        TEXT   NOT NULL,
    name_folded TEXT   NOT NULL,
    PRIMARY KEY (contact_id, name_folded)
);

CREATE TABLE contact_photos (
    contact_id   BIGINT PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    content_type TEXT  NOT NULL,
    image        BYTEA NOT NULL,
    etag         TEXT  NOT NULL
);

-- Partial indexes over live contacts: listing in each sort order is an index walk.
CREATE INDEX contacts_live_id ON contacts (user_id, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_first_name ON contacts (user_id, first_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_last_name ON contacts (user_id, last_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_created ON contacts (user_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_updated ON contacts (user_id, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_birthday ON contacts (user_id, birthday_md) WHERE deleted_at IS NULL;
-- Search: every word is a substring (LIKE '%word%') of the folded text. A trigram GIN index answers that
-- without reading every row of the owner (pg_trgm ships with PostgreSQL and is a trusted extension, so the
-- database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX contacts_live_search ON contacts USING gin (search_text gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX contacts_trash ON contacts (user_id, deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX contacts_stale_keys ON contacts (keys_version);
CREATE INDEX contact_labels_owner ON contact_labels (user_id, name_folded, contact_id);
