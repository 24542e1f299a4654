-- PostgreSQL twin of sqlite/V12: each user's book version, raised in the same transaction as every write that can
-- change what one of the owner's sorted lists holds or its order. The update of the owner's row locks it until the
-- transaction ends, so every writer of an owner's contacts locks the owner first (ContactRepository.lockOwner).
ALTER TABLE users ADD COLUMN book_version BIGINT NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION contacts_live_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE users SET live_contacts = live_contacts + 1, book_version = book_version + 1 WHERE id = NEW.user_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE users SET live_contacts = live_contacts - 1, book_version = book_version + 1 WHERE id = OLD.user_id;
    ELSIF NEW.deleted_at IS NULL THEN
        UPDATE users SET live_contacts = live_contacts + 1, book_version = book_version + 1 WHERE id = NEW.user_id;
    ELSE
        UPDATE users SET live_contacts = live_contacts - 1, book_version = book_version + 1 WHERE id = NEW.user_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION contacts_list_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET book_version = book_version + 1 WHERE id IN (OLD.user_id, NEW.user_id);
    RETURN NULL;
END
$$;
-- a live contact's place in a list changed (a trash or restore is contacts_live_moved's)
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite ON contacts FOR EACH ROW
    WHEN ((OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.first_name_key IS DISTINCT FROM NEW.first_name_key
             OR OLD.last_name_key IS DISTINCT FROM NEW.last_name_key OR OLD.created_at IS DISTINCT FROM NEW.created_at
             OR OLD.updated_at IS DISTINCT FROM NEW.updated_at OR OLD.favorite IS DISTINCT FROM NEW.favorite))
    EXECUTE FUNCTION contacts_list_order();
