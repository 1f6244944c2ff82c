-- Encoding jobs. Each finished stage stores its result (probe, ladder, report) so that a job interrupted
-- by a restart resumes after its last finished stage.
CREATE TABLE encoding_jobs (
    id             UUID PRIMARY KEY,
    title_id       UUID NOT NULL,
    title          VARCHAR(200) NOT NULL,
    state          VARCHAR(16) NOT NULL,
    percent        DOUBLE PRECISION NOT NULL,
    stage_detail   VARCHAR(500) NOT NULL,
    eta_seconds    BIGINT,
    source_path    VARCHAR(4096) NOT NULL,
    source_owned   BOOLEAN NOT NULL,
    metadata_json  CLOB NOT NULL,
    profile        VARCHAR(16) NOT NULL,
    probe_json     CLOB,
    ladder_json    CLOB,
    report_json    CLOB,
    failure_reason VARCHAR(2000),
    attempts       INT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX encoding_jobs_state ON encoding_jobs (state);
CREATE INDEX encoding_jobs_created ON encoding_jobs (created_at);
