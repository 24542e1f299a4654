-- PostgreSQL twin of sqlite/V8: each contact row's version, raised on every change of the row, whatever
-- statement makes it; the id and version of a row name its content exactly. Ids are never reused (a sequence).
ALTER TABLE contacts ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION contacts_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER contacts_row_version BEFORE UPDATE ON contacts FOR EACH ROW
    WHEN (NEW.row_version = OLD.row_version)
    EXECUTE FUNCTION contacts_row_version();
