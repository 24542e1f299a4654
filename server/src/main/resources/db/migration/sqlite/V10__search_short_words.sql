-- Two-character words found through the trigram index (V6), as longer ones are: a two-character word is a substring
-- of a text exactly when some trigram of the text begins with it, provided that every character of the text is
-- followed by at least one more. So the index now holds each contact's folded text followed by a line end (which no
-- query word holds: words are split at white space), read from a view, and contacts_search_terms lists its trigrams:
-- a word's trigrams are a range of it (a scan of every contact of the owner took 20-27 ms of CPU at 100,000
-- contacts). The text kept in contacts.search_text is unchanged.
-- [jooq ignore start]
DROP TRIGGER contacts_search_inserted;
DROP TRIGGER contacts_search_deleted;
DROP TRIGGER contacts_search_changed;
DROP TABLE contacts_search;
CREATE VIEW contacts_search_text AS SELECT id, search_text || char(10) AS search_text FROM contacts;
CREATE VIRTUAL TABLE contacts_search USING fts5(
    search_text, content = 'contacts_search_text', content_rowid = 'id', tokenize = 'trigram case_sensitive 1');
INSERT INTO contacts_search (contacts_search) VALUES ('rebuild');
-- As in V6, each with the text as the view gives it: what the index holds, and is told to remove.
CREATE TRIGGER contacts_search_inserted AFTER INSERT ON contacts
BEGIN
    INSERT INTO contacts_search (rowid, search_text) VALUES (NEW.id, NEW.search_text || char(10));
END;
CREATE TRIGGER contacts_search_deleted AFTER DELETE ON contacts
BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, search_text)
        VALUES ('delete', OLD.id, OLD.search_text || char(10));
END;
CREATE TRIGGER contacts_search_changed AFTER UPDATE OF search_text ON contacts
    WHEN OLD.search_text IS NOT NEW.search_text
BEGIN
    INSERT INTO contacts_search (contacts_search, rowid, search_text)
        VALUES ('delete', OLD.id, OLD.search_text || char(10));
    INSERT INTO contacts_search (rowid, search_text) VALUES (NEW.id, NEW.search_text || char(10));
END;
CREATE VIRTUAL TABLE contacts_search_terms USING fts5vocab(contacts_search, row);
-- [jooq ignore stop]
