-- Address book v2: richer contacts, trash, sorting by collation keys, search v2, photos.
-- Every existing contact and account is kept: new columns have defaults, and v1's single email/phone
-- become the first entries of the new lists. The collation keys and the folded search text are computed
-- by the server (ICU, Unicode NFKD), which fills them in on its first start after this migration (see
-- contacts.keys_version) and again whenever the way they are computed changes.

-- Lists are JSON arrays in the contact's own order: emails/phones of {"value","label"}, addresses of
-- {"label","street","locality","region","postal_code","country"}, labels of strings.
-- email and phone stay as the mirrors of the first entries (v1's fields).
ALTER TABLE contacts ADD COLUMN emails VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN phones VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN addresses VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN labels VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN organization VARCHAR;
ALTER TABLE contacts ADD COLUMN job_title VARCHAR;
ALTER TABLE contacts ADD COLUMN nickname VARCHAR;
ALTER TABLE contacts ADD COLUMN favorite BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE contacts ADD COLUMN has_photo BOOLEAN NOT NULL DEFAULT FALSE;
-- Unicode root collation keys (hex of ICU sort key bytes): plain byte order is name order on any database.
ALTER TABLE contacts ADD COLUMN first_name_key VARCHAR NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN last_name_key VARCHAR NOT NULL DEFAULT '';
-- Every searchable field folded (NFKD, no combining marks, case-folded), one per line, plus phone digits.
ALTER TABLE contacts ADD COLUMN search_text VARCHAR NOT NULL DEFAULT '';
-- Which computation made the keys and folded text above; rows of another version are re-keyed on start.
ALTER TABLE contacts ADD COLUMN keys_version VARCHAR NOT NULL DEFAULT '';
-- Set when the contact is moved to the trash; NULL for a live contact.
ALTER TABLE contacts ADD COLUMN deleted_at VARCHAR;

-- [jooq ignore start]
UPDATE contacts SET emails = json_array(json_object('value', email, 'label', 'other')) WHERE email IS NOT NULL;
UPDATE contacts SET phones = json_array(json_object('value', phone, 'label', 'mobile')) WHERE phone IS NOT NULL;
-- [jooq ignore stop]

-- A contact's labels, one row each, folded: the label filter and the label counts use this index.
CREATE TABLE contact_labels (
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    name_folded VARCHAR NOT NULL,
    PRIMARY KEY (contact_id, name_folded)
);

-- At most one photo per contact, as re-encoded by the server.
CREATE TABLE contact_photos (
    contact_id   INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    content_type VARCHAR NOT NULL,
    image        BLOB    NOT NULL,
    etag         VARCHAR NOT NULL
);

-- [jooq ignore start]
-- Partial indexes over live contacts only: listing in each sort order is an index walk, never a sort.
-- deleted_at (always NULL in them) is a column too, so that counting what a query matches reads the index
-- alone (a covering index), never the wide table rows.
DROP INDEX contacts_owner_search;
DROP INDEX contacts_owner_birthday;
CREATE INDEX contacts_live_id ON contacts (user_id, deleted_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_first_name ON contacts (user_id, deleted_at, first_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_last_name ON contacts (user_id, deleted_at, last_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_created ON contacts (user_id, deleted_at, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_updated ON contacts (user_id, deleted_at, updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_live_birthday ON contacts (user_id, deleted_at, birthday_md) WHERE deleted_at IS NULL;
-- Search reads one owner's folded text from this covering index (no table row is read while matching);
-- only the page it answers is then read from the table.
CREATE INDEX contacts_live_search ON contacts (user_id, deleted_at, search_text) WHERE deleted_at IS NULL;
CREATE INDEX contacts_trash ON contacts (user_id, deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX contacts_stale_keys ON contacts (keys_version);
CREATE INDEX contact_labels_owner ON contact_labels (user_id, name_folded, contact_id);
-- [jooq ignore stop]
