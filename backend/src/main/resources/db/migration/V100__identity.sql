-- Identity: accounts, profiles, devices and refresh tokens. Only the identity module reads these tables.

create table identity_account (
    id            uuid primary key,
    email         varchar(254) not null,  -- stored lower-case
    display_name  varchar(80)  not null,
    password_hash varchar(100) not null,  -- bcrypt, with its parameters
    roles         varchar(100) not null,  -- comma-separated Role names
    created_at    timestamp with time zone not null,
    constraint identity_account_email_unique unique (email)
);

create table identity_profile (
    id              uuid primary key,
    account_id      uuid not null references identity_account (id) on delete cascade,
    name            varchar(40) not null,
    kids            boolean not null,
    avatar          varchar(40) not null,
    pin_hash        varchar(100),
    failed_pin_attempts int not null default 0,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null
);
create index identity_profile_account on identity_profile (account_id);

create table identity_device (
    id            uuid primary key,
    account_id    uuid not null references identity_account (id) on delete cascade,
    name          varchar(80) not null,
    key_algorithm varchar(10) not null,
    public_key    varchar(2048) not null,
    registered_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone
);
create index identity_device_account on identity_device (account_id);

-- Opaque refresh tokens, stored as SHA-256 hashes. Each sign-in starts a family; every refresh uses one
-- token and issues the next in the same family. Presenting a used token revokes the whole family.
create table identity_refresh_token (
    id          uuid primary key,
    family_id   uuid not null,
    account_id  uuid not null references identity_account (id) on delete cascade,
    token_hash  varchar(64) not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    revoked_at  timestamp with time zone,
    constraint identity_refresh_token_hash_unique unique (token_hash)
);
create index identity_refresh_token_family on identity_refresh_token (family_id);
