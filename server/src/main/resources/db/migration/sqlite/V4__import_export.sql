-- Import and export: each contact's vCard UID (written on export, kept from an imported item) and the
-- properties of its import that no field holds (URL, IMPP, ANNIVERSARY, X-...), as vCard 4.0 text that an
-- export writes back, so a round trip loses nothing.
ALTER TABLE contacts ADD COLUMN uid VARCHAR;
ALTER TABLE contacts ADD COLUMN vcard_extras VARCHAR;

-- [jooq ignore start]
-- Every contact gets a random UID (a UUID v4 URN), whoever creates it: existing rows now, new rows on insert.
UPDATE contacts SET uid = 'urn:uuid:' || lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE uid IS NULL;
CREATE TRIGGER contacts_uid AFTER INSERT ON contacts WHEN NEW.uid IS NULL
BEGIN
    UPDATE contacts SET uid = 'urn:uuid:' || lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
        WHERE id = NEW.id;
END;
-- Import finds "the same contact" by UID, or by folded name (then compares emails and phones).
CREATE INDEX contacts_owner_uid ON contacts (user_id, uid) WHERE deleted_at IS NULL;
CREATE INDEX contacts_owner_name ON contacts (user_id, first_name_folded, last_name_folded) WHERE deleted_at IS NULL;
-- [jooq ignore stop]
