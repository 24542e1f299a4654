-- Search's substring index: every trigram of each contact's folded search text (FTS5's trigram tokenizer), so a
-- query word of 3 or more characters finds its contacts without reading every contact of the owner (a scan of
-- contacts_live_search took 25-70 ms at 100,000 contacts). An external-content table: the text stays only in
-- contacts.search_text; the index holds the trigrams and their positions (a phrase of a word's trigrams at
-- consecutive positions is exactly that word as a substring). case_sensitive 1: the text is already folded.
-- Every contact is indexed, trashed ones too: searches join back to contacts for the owner and the trash.
-- [jooq ignore start]
CREATE VIRTUAL TABLE contacts_search USING fts5(
    search_text, content = 'contacts', content_rowid = 'id', tokenize = 'trigram case_sensitive 1');
INSERT INTO contacts_search (contacts_search) VALUES ('rebuild');
-- Kept in step by triggers, so no statement that writes a contact (create, update, import, merge, re-keying,
-- purge, a deleted account's cascade) can leave it behind. An external-content index is told the old text to
-- remove: the value it indexed, as it was before the change.
CREATE TRIGGER contacts_search_inserted AFTER INSERT ON contacts
BEGIN
    INSERT INTO contacts_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER contacts_search_deleted AFTER DELETE ON contacts
BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;
CREATE TRIGGER contacts_search_changed AFTER UPDATE OF search_text ON contacts
    WHEN OLD.search_text IS NOT NEW.search_text
BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO contacts_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
-- [jooq ignore stop]
