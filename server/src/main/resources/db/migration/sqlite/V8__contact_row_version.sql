-- Each contact row's version, raised by a trigger on every change of the row, whatever statement makes it: the
-- id and version of a row name its content exactly, so a page whose rows the server has sent before is read as
-- two numbers a row instead of every column (reading the columns' text was a third of a page's CPU: README,
-- "Load"). Ids are never reused (AUTOINCREMENT).
ALTER TABLE contacts ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;

-- [jooq ignore start]
-- an update that sets row_version itself keeps its value; the trigger's own update fires no trigger again
-- (recursive triggers are off)
CREATE TRIGGER contacts_row_version AFTER UPDATE ON contacts WHEN NEW.row_version = OLD.row_version
BEGIN
    UPDATE contacts SET row_version = OLD.row_version + 1 WHERE id = NEW.id;
END;
-- [jooq ignore stop]
