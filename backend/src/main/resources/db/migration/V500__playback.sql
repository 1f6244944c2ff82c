-- Stream sessions: one per "play" pressed. ended_at is set by DELETE or an END/ERROR heartbeat; a session a
-- player abandoned stays open, but it stops counting against the stream limit when its licence expires.
CREATE TABLE playback_sessions (
    id           UUID PRIMARY KEY,
    account_id   UUID NOT NULL,
    profile_id   UUID NOT NULL,
    title_id     UUID NOT NULL,
    region       VARCHAR(64) NOT NULL,
    isp          VARCHAR(64),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX playback_sessions_account ON playback_sessions (account_id, ended_at);

-- Resume positions (the Cassandra role): one row per (profile, title), last write wins by updated_at, the
-- heartbeat's arrival time. Written by the heartbeat consumer only, read by Continue Watching and manifests.
CREATE TABLE playback_resume_positions (
    profile_id  UUID NOT NULL,
    title_id    UUID NOT NULL,
    position_ms BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (profile_id, title_id)
);
CREATE INDEX playback_resume_recent ON playback_resume_positions (profile_id, updated_at);
