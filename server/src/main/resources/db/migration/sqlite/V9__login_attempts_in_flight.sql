-- Login attempts admitted to have their password checked and not yet answered (logins, and the account
-- endpoints' current-password checks), per (normalised) email: with login_failures' failures in a row they may
-- number at most five, so that at most five failures are ever evaluated before the lock, while correct logins
-- beyond the fifth wait for a turn instead of being refused. A row is deleted when its attempt is answered; one
-- whose request died with its instance is ignored after a while (created_at) and pruned.
-- AUTOINCREMENT: an id is never reused, so an attempt answered late never removes another's row.
CREATE TABLE login_attempts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    email      VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, created_at);
CREATE INDEX login_attempts_created ON login_attempts (created_at);
