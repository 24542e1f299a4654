-- PostgreSQL twin of sqlite/V14: a live contact's birthday (its stored month-day) changed raises its owner's book
-- version too, since runs of birthday windows are counted and placed at a version.
DROP TRIGGER contacts_list_order ON contacts;
CREATE TRIGGER contacts_list_order AFTER UPDATE OF user_id, first_name_key, last_name_key, created_at, updated_at,
    favorite, birthday_md ON contacts FOR EACH ROW
    WHEN ((OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)
        AND (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.first_name_key IS DISTINCT FROM NEW.first_name_key
             OR OLD.last_name_key IS DISTINCT FROM NEW.last_name_key OR OLD.created_at IS DISTINCT FROM NEW.created_at
             OR OLD.updated_at IS DISTINCT FROM NEW.updated_at OR OLD.favorite IS DISTINCT FROM NEW.favorite
             OR OLD.birthday_md IS DISTINCT FROM NEW.birthday_md))
    EXECUTE FUNCTION contacts_list_order();
