-- PostgreSQL twin of sqlite/V11: the birthday index carries each contact's row version, so that a page of upcoming
-- birthdays reads its ids, versions and order keys from the index (an index-only scan where the visibility map
-- allows) and reads the table only for the rows the server does not remember.
DROP INDEX contacts_live_birthday;
CREATE INDEX contacts_live_birthday
    ON contacts (user_id, birthday_md, last_name_key, first_name_key, id) INCLUDE (row_version)
    WHERE deleted_at IS NULL;
