-- Chaos run reports: one row per run, the report (timeline, KPI samples, verdict) as JSON.
CREATE TABLE chaos_runs (
    id         VARCHAR(40) PRIMARY KEY,
    type       VARCHAR(32) NOT NULL,
    status     VARCHAR(16) NOT NULL,
    started_at TIMESTAMP   NOT NULL,
    ended_at   TIMESTAMP,
    report     CLOB        NOT NULL
);
CREATE INDEX chaos_runs_started ON chaos_runs (started_at DESC);
