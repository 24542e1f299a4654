-- The birthday index holds each contact's row version too (V8), after the id: a page of upcoming birthdays then
-- reads its ids, versions and order keys from the index alone, and seeks the table only for the rows the server
-- does not remember with that id and version (a primary-key seek and the columns of each of a page's 1,000 rows
-- were most of SQLite's part of a birthday page: README, "Birthday pages from the index alone"). Every change of a
-- contact raises its version, so it now rewrites the contact's entry in this index too.
-- [jooq ignore start]
DROP INDEX contacts_live_birthday;
CREATE INDEX contacts_live_birthday
    ON contacts (user_id, deleted_at, birthday_md, last_name_key, first_name_key, id, row_version)
    WHERE deleted_at IS NULL;
-- [jooq ignore stop]
