-- PostgreSQL twin of sqlite/V4 (import and export): each contact's vCard UID and its unmapped properties.
ALTER TABLE contacts ADD COLUMN uid TEXT;
ALTER TABLE contacts ADD COLUMN vcard_extras TEXT;

-- Every contact gets a random UID (a UUID v4 URN) when it is inserted without one. A trigger, not a column
-- default: the server inserts every column, so a NULL uid arrives explicitly (as with SQLite's trigger).
CREATE FUNCTION contacts_uid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.uid IS NULL THEN
        NEW.uid := 'urn:uuid:' || gen_random_uuid();
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER contacts_uid BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_uid();

CREATE INDEX contacts_owner_uid ON contacts (user_id, uid) WHERE deleted_at IS NULL;
CREATE INDEX contacts_owner_name ON contacts (user_id, first_name_folded, last_name_folded) WHERE deleted_at IS NULL;
