-- PostgreSQL twin of sqlite/V15: each user's order version, raised as the book version is but not by a change of the
-- update time alone; lists by update time keep the book version, every other list and birthday run is read at this.
ALTER TABLE users ADD COLUMN order_version BIGINT NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION contacts_live_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE users SET live_contacts = live_contacts + 1, book_version = book_version + 1,
                         order_version = order_version + 1 WHERE id = NEW.user_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE users SET live_contacts = live_contacts - 1, book_version = book_version + 1,
                         order_version = order_version + 1 WHERE id = OLD.user_id;
    ELSIF NEW.deleted_at IS NULL THEN
        UPDATE users SET live_contacts = live_contacts + 1, book_version = book_version + 1,
                         order_version = order_version + 1 WHERE id = NEW.user_id;
    ELSE
        UPDATE users SET live_contacts = live_contacts - 1, book_version = book_version + 1,
                         order_version = order_version + 1 WHERE id = NEW.user_id;
    END IF;
    RETURN NULL;
END
$$;

-- (V14's trigger, unchanged, calls it when any of these or the update time changed)
CREATE OR REPLACE FUNCTION contacts_list_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET book_version = book_version + 1,
                     order_version = order_version + CASE WHEN OLD.user_id IS DISTINCT FROM NEW.user_id
                         OR OLD.first_name_key IS DISTINCT FROM NEW.first_name_key
                         OR OLD.last_name_key IS DISTINCT FROM NEW.last_name_key
                         OR OLD.created_at IS DISTINCT FROM NEW.created_at
                         OR OLD.favorite IS DISTINCT FROM NEW.favorite
                         OR OLD.birthday_md IS DISTINCT FROM NEW.birthday_md THEN 1 ELSE 0 END
        WHERE id IN (OLD.user_id, NEW.user_id);
    RETURN NULL;
END
$$;
