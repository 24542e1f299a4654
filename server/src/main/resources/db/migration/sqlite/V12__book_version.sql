-- Each user's book version, raised in the same transaction as every write that can change what one of the owner's
-- sorted lists holds or its order: a live contact inserted, deleted, trashed or restored, or a live contact's sort
-- key, favourite mark or owner changed (whatever statement does it, plain SQL too). The server remembers places
-- deep in a sorted list (the key at every 1,000th position) with the version they were read at, and uses them only
-- for a page read in one statement with that same version (README, "Deep pages from remembered places").
ALTER TABLE users ADD COLUMN book_version INTEGER NOT NULL DEFAULT 0;

-- [jooq ignore start]
-- V5's count triggers raise the version in the same update of the owner's row
DROP TRIGGER contacts_live_inserted;
DROP TRIGGER contacts_live_deleted;
DROP TRIGGER contacts_live_moved;
CREATE TRIGGER contacts_live_inserted AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL
BEGIN
    UPDATE users SET live_contacts = live_contacts + 1, book_version = book_version + 1 WHERE id = NEW.user_id;
END;
CREATE TRIGGER contacts_live_deleted AFTER DELETE ON contacts WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE users SET live_contacts = live_contacts - 1, book_version = book_version + 1 WHERE id = OLD.user_id;
END;
CREATE TRIGGER contacts_live_moved AFTER UPDATE OF deleted_at ON contacts
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    UPDATE users SET live_contacts = live_contacts + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END),
                     book_version = book_version + 1
        WHERE id = NEW.user_id;
END;
-- a live contact's place in a list changed (a trash or restore is the trigger above's)
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite ON contacts
    WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS NOT NEW.user_id OR OLD.first_name_key IS NOT NEW.first_name_key
             OR OLD.last_name_key IS NOT NEW.last_name_key OR OLD.created_at IS NOT NEW.created_at
             OR OLD.updated_at IS NOT NEW.updated_at OR OLD.favorite IS NOT NEW.favorite)
BEGIN
    UPDATE users SET book_version = book_version + 1 WHERE id IN (OLD.user_id, NEW.user_id);
END;
-- [jooq ignore stop]
