-- Each user's order version: raised, like the book version (V12, V14), by every write that can change what one of
-- the owner's sorted lists holds or its order, or a birthday run, but not by a change of the update time alone. An
-- edit of a contact's notes, phones, photo... changes its update time, so it raised the one book version that every
-- remembered place and birthday count was read at, though it moves no contact in any list but the one by update time
-- (a deep page right after such a write cost 3 to 6 times its warm CPU: docs/benchmarks.md, "Reads after a write").
-- Lists by update time keep the book version; every other list and birthday run is read at this one.
ALTER TABLE users ADD COLUMN order_version INTEGER NOT NULL DEFAULT 0;

-- [jooq ignore start]
DROP TRIGGER contacts_live_inserted;
DROP TRIGGER contacts_live_deleted;
DROP TRIGGER contacts_live_moved;
CREATE TRIGGER contacts_live_inserted AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL
BEGIN
    UPDATE users SET live_contacts = live_contacts + 1, book_version = book_version + 1,
                     order_version = order_version + 1
        WHERE id = NEW.user_id;
END;
CREATE TRIGGER contacts_live_deleted AFTER DELETE ON contacts WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE users SET live_contacts = live_contacts - 1, book_version = book_version + 1,
                     order_version = order_version + 1
        WHERE id = OLD.user_id;
END;
CREATE TRIGGER contacts_live_moved AFTER UPDATE OF deleted_at ON contacts
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
BEGIN
    UPDATE users SET live_contacts = live_contacts + (CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END),
                     book_version = book_version + 1, order_version = order_version + 1
        WHERE id = NEW.user_id;
END;
DROP TRIGGER contacts_list_order;
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite, birthday_md ON contacts
    WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS NOT NEW.user_id OR OLD.first_name_key IS NOT NEW.first_name_key
             OR OLD.last_name_key IS NOT NEW.last_name_key OR OLD.created_at IS NOT NEW.created_at
             OR OLD.updated_at IS NOT NEW.updated_at OR OLD.favorite IS NOT NEW.favorite
             OR OLD.birthday_md IS NOT NEW.birthday_md)
BEGIN
    -- the order version unless the update time alone changed (a comparison is 0 or 1)
    UPDATE users SET book_version = book_version + 1,
                     order_version = order_version + (OLD.user_id IS NOT NEW.user_id
                         OR OLD.first_name_key IS NOT NEW.first_name_key OR OLD.last_name_key IS NOT NEW.last_name_key
                         OR OLD.created_at IS NOT NEW.created_at OR OLD.favorite IS NOT NEW.favorite
                         OR OLD.birthday_md IS NOT NEW.birthday_md)
        WHERE id IN (OLD.user_id, NEW.user_id);
END;
-- [jooq ignore stop]
