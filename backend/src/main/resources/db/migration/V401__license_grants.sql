-- The licence server's Ed25519 signing key: one row, created on first start. The private half (PKCS#8) is
-- wrapped (AES-256-GCM) by the key-encryption key in <marquee.home>/secrets/kek, never stored in the clear.
CREATE TABLE license_server_keys (
    id                  INT PRIMARY KEY,
    public_key          VARBINARY(128) NOT NULL,
    wrapped_private_key VARBINARY(256) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The latest licence issued per playback session (a renewal replaces it): what the concurrent-stream limit
-- counts, the account's sessions whose licence has not expired.
CREATE TABLE license_grants (
    session_id  UUID PRIMARY KEY,
    account_id  UUID NOT NULL,
    title_id    UUID NOT NULL,
    device_id   VARCHAR(64) NOT NULL,
    license_id  UUID NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX license_grants_account ON license_grants (account_id, expires_at);
