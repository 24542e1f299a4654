-- The birthday index holds the birthdays' order too: month-day, then the last and first name keys, then id. A
-- page of upcoming birthdays is then read in order from the index, one run of month-days at a time (the new
-- year splits the window in two), and counted from it, instead of sorting every birthday in the window.
-- [jooq ignore start]
DROP INDEX contacts_live_birthday;
CREATE INDEX contacts_live_birthday
    ON contacts (user_id, deleted_at, birthday_md, last_name_key, first_name_key, id) WHERE deleted_at IS NULL;
-- [jooq ignore stop]
