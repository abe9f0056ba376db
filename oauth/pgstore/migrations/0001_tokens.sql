-- OAuth tokens of package oauth/pgstore, one row per key (a company, a
-- user, any key the application chooses). Safe to run more than once.
CREATE TABLE IF NOT EXISTS factorial_oauth_tokens (
    token_key  text        PRIMARY KEY CHECK (token_key <> ''),
    -- The token as JSON, or sealed with AES-GCM (nonce || ciphertext) when
    -- encrypted is true. Never log this column.
    token      bytea       NOT NULL,
    encrypted  boolean     NOT NULL,
    -- When the access token expires (NULL: never, a company token); not
    -- secret, for monitoring.
    expiry     timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);
