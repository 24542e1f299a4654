-- A live contact's folded search text changed raises its owner's book version (V12) too: the server now remembers a
-- search's total with the book version it was counted at (README, "Speed"; docs/benchmarks.md, "A search's total at
-- the book version"), and the text changed by plain SQL, with no other field changed, would otherwise leave it in use.
-- The order version (V15) stays as it was: the text moves no contact in any list.
-- [jooq ignore start]
DROP TRIGGER contacts_list_order;
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite, birthday_md, search_text ON contacts
    WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS NOT NEW.user_id OR OLD.first_name_key IS NOT NEW.first_name_key
             OR OLD.last_name_key IS NOT NEW.last_name_key OR OLD.created_at IS NOT NEW.created_at
             OR OLD.updated_at IS NOT NEW.updated_at OR OLD.favorite IS NOT NEW.favorite
             OR OLD.birthday_md IS NOT NEW.birthday_md OR OLD.search_text IS NOT NEW.search_text)
BEGIN
    -- the order version unless the update time or the text alone changed (a comparison is 0 or 1)
    UPDATE users SET book_version = book_version + 1,
                     order_version = order_version + (OLD.user_id IS NOT NEW.user_id
                         OR OLD.first_name_key IS NOT NEW.first_name_key OR OLD.last_name_key IS NOT NEW.last_name_key
                         OR OLD.created_at IS NOT NEW.created_at OR OLD.favorite IS NOT NEW.favorite
                         OR OLD.birthday_md IS NOT NEW.birthday_md)
        WHERE id IN (OLD.user_id, NEW.user_id);
END;
-- [jooq ignore stop]
