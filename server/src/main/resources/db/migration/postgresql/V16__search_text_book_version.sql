-- PostgreSQL twin of sqlite/V16: a live contact's folded search text changed raises its owner's book version too
-- (the server remembers a search's total at that version); the order version stays as it was (V15's function
-- raises it only for a change of what orders a list).
DROP TRIGGER contacts_list_order ON contacts;
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite, birthday_md, search_text ON contacts FOR EACH ROW
    WHEN ((OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.first_name_key IS DISTINCT FROM NEW.first_name_key
             OR OLD.last_name_key IS DISTINCT FROM NEW.last_name_key OR OLD.created_at IS DISTINCT FROM NEW.created_at
             OR OLD.updated_at IS DISTINCT FROM NEW.updated_at OR OLD.favorite IS DISTINCT FROM NEW.favorite
             OR OLD.birthday_md IS DISTINCT FROM NEW.birthday_md OR OLD.search_text IS DISTINCT FROM NEW.search_text))
    EXECUTE FUNCTION contacts_list_order();
