-- Accounts. (VARCHAR has SQLite's TEXT affinity; jOOQ's code generator reads it as a string.)
-- The email is stored normalised (trimmed, lowercased), so UNIQUE is case-insensitive.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         VARCHAR    NOT NULL UNIQUE,
    password_hash VARCHAR    NOT NULL,
    created_at    VARCHAR    NOT NULL
);

-- Contacts. AUTOINCREMENT: an id is never reused, so a client never confuses a new contact with a deleted one.
-- The *_folded columns hold the Unicode case-folded text that search matches against (SQLite's own
-- lower() and LIKE only fold ASCII); birthday_md ('MM-DD') serves the upcoming-birthdays window.
CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    first_name        VARCHAR    NOT NULL,
    last_name         VARCHAR    NOT NULL,
    email             VARCHAR,
    phone             VARCHAR,
    birthday          VARCHAR,
    additional_data   VARCHAR,
    first_name_folded VARCHAR    NOT NULL,
    last_name_folded  VARCHAR    NOT NULL,
    email_folded      VARCHAR,
    birthday_md       VARCHAR,
    created_at        VARCHAR    NOT NULL,
    updated_at        VARCHAR    NOT NULL
);

-- Listing and paging a user's contacts in id order, and every lookup by owner + id.
CREATE INDEX contacts_owner_id ON contacts (user_id, id);
-- Search reads only these columns of the owner's rows (a covering index: no table lookups while matching).
CREATE INDEX contacts_owner_search ON contacts (user_id, first_name_folded, last_name_folded, email_folded);
-- Upcoming birthdays: a range of month-days within one owner's rows.
CREATE INDEX contacts_owner_birthday ON contacts (user_id, birthday_md);
