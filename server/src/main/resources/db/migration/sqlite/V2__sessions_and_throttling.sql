-- Sessions and accounts: the state behind refresh tokens, revocation and throttling lives here, so a
-- restart lifts nothing and several instances on one database agree. Instants are ISO-8601 UTC text,
-- which sorts in time order.

-- Bumped on a password change: access tokens carry the version they were issued under ("ver").
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

-- Refresh tokens are stored as SHA-256 hashes only. A family is every token descended from one login.
CREATE TABLE refresh_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL UNIQUE,
    created_at VARCHAR NOT NULL,
    expires_at VARCHAR NOT NULL,
    used_at    VARCHAR,
    revoked_at VARCHAR
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);

-- Access tokens ended by a logout, kept until they would have expired anyway.
CREATE TABLE revoked_access_tokens (
    jti        VARCHAR PRIMARY KEY,
    expires_at VARCHAR NOT NULL
);
CREATE INDEX revoked_access_tokens_expiry ON revoked_access_tokens (expires_at);

-- Failed logins in a row per (normalised) email, whether or not it has an account.
CREATE TABLE login_failures (
    email        VARCHAR PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until VARCHAR,
    updated_at   VARCHAR NOT NULL
);
CREATE INDEX login_failures_updated ON login_failures (updated_at);

-- Requests per client address and minute on /register/, /token/ and /token/refresh/.
CREATE TABLE rate_limit_windows (
    client       VARCHAR NOT NULL,
    window_start VARCHAR NOT NULL,
    requests     INTEGER NOT NULL,
    PRIMARY KEY (client, window_start)
);
CREATE INDEX rate_limit_windows_start ON rate_limit_windows (window_start);
