-- A live contact's birthday (its stored month-day) changed raises its owner's book version (V12) too: the server now
-- also remembers, with the version they were read at, how many contacts each run of a birthday window holds and
-- places deep in a run (every 1,000th contact), and a birthday moved by plain SQL, with no other field changed,
-- would otherwise leave them in use (README, "Deep birthday pages from remembered places").
-- [jooq ignore start]
DROP TRIGGER contacts_list_order;
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite, birthday_md ON contacts
    WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS NOT NEW.user_id OR OLD.first_name_key IS NOT NEW.first_name_key
             OR OLD.last_name_key IS NOT NEW.last_name_key OR OLD.created_at IS NOT NEW.created_at
             OR OLD.updated_at IS NOT NEW.updated_at OR OLD.favorite IS NOT NEW.favorite
             OR OLD.birthday_md IS NOT NEW.birthday_md)
BEGIN
    UPDATE users SET book_version = book_version + 1 WHERE id IN (OLD.user_id, NEW.user_id);
END;
-- [jooq ignore stop]
