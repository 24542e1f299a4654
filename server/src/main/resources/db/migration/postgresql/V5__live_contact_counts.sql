-- PostgreSQL twin of sqlite/V5: each user's live contacts, kept by triggers. The trigger's update of the user's
-- row also locks it until the transaction ends, as lockOwner does, so the counts of concurrent writers add up.
ALTER TABLE users ADD COLUMN live_contacts INTEGER NOT NULL DEFAULT 0;

UPDATE users SET live_contacts =
    (SELECT count(*) FROM contacts WHERE contacts.user_id = users.id AND contacts.deleted_at IS NULL);

CREATE FUNCTION contacts_live_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE users SET live_contacts = live_contacts + 1 WHERE id = NEW.user_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE users SET live_contacts = live_contacts - 1 WHERE id = OLD.user_id;
    ELSIF NEW.deleted_at IS NULL THEN
        UPDATE users SET live_contacts = live_contacts + 1 WHERE id = NEW.user_id;
    ELSE
        UPDATE users SET live_contacts = live_contacts - 1 WHERE id = NEW.user_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER contacts_live_inserted AFTER INSERT ON contacts FOR EACH ROW WHEN (NEW.deleted_at IS NULL)
    EXECUTE FUNCTION contacts_live_count();
CREATE TRIGGER contacts_live_deleted AFTER DELETE ON contacts FOR EACH ROW WHEN (OLD.deleted_at IS NULL)
    EXECUTE FUNCTION contacts_live_count();
-- trashed (deleted_at set) or restored (deleted_at cleared); a contact never changes owner
CREATE TRIGGER contacts_live_moved AFTER UPDATE OF deleted_at ON contacts FOR EACH ROW
    WHEN ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION contacts_live_count();
