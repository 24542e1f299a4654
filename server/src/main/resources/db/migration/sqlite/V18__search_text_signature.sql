-- A signature of each contact's folded search text, kept beside it: one bit (of 63) for each trigram of the text
-- (ContactKeys.searchSignature), so that the text walk (a common word's page sorted by last name, the desktop's
-- favorite=false search) tests a bit mask before instr() and reads the text of about one entry in five instead of
-- every one (docs/benchmarks.md, "A trigram signature beside the text"). -1 (every bit) passes every test: a row
-- not stamped yet (the server stamps every row at its next start: ContactKeys' revision) is tested on its text.
ALTER TABLE contacts ADD COLUMN search_sig BIGINT NOT NULL DEFAULT -1;

-- [jooq ignore start]
-- the text changed by SQL alone (its signature left as it was) is tested on its text again until it is re-stamped;
-- the server writes both together, the signature's sign bit (no test reads it) turned over each time, so that its
-- own writes never leave the signature as it was
CREATE TRIGGER contacts_search_signature AFTER UPDATE OF search_text ON contacts
    WHEN OLD.search_text IS NOT NEW.search_text AND OLD.search_sig IS NEW.search_sig
BEGIN
    UPDATE contacts SET search_sig = -1 WHERE id = NEW.id;
END;

-- the walk by last name reads the signature from the text's own index (V17), before the text
DROP INDEX contacts_live_search;
CREATE INDEX contacts_live_search ON contacts (user_id, deleted_at, last_name_key, id, favorite, search_sig,
    search_text) WHERE deleted_at IS NULL;
-- [jooq ignore stop]
