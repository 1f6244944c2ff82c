-- Per-title AES-128 content keys, each wrapped (AES-256-GCM, nonce || ciphertext || tag) by the
-- key-encryption key in <marquee.home>/secrets/kek. Never stored in the clear.
CREATE TABLE license_content_keys (
    title_id    UUID PRIMARY KEY,
    wrapped_key VARBINARY(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
