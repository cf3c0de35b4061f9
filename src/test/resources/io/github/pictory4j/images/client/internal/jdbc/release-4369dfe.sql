-- A database as the release of commit 4369dfe wrote it (schema version 1): its DDL, copied, and rows it wrote.
-- Frozen: a later schema must open it (upgraded, never refused). Read by JdbcStoreContract.
-- pictory4j job store, schema version 1. The same SQL runs on H2 (2.x) and PostgreSQL (13 and later).
-- Times are UTC, written from the application's clock.

CREATE TABLE pictory4j_schema (
    version     INTEGER                  NOT NULL PRIMARY KEY,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per submission (from before it is sent) or per job the service waited for.
CREATE TABLE pictory4j_job (
    submission_id        VARCHAR(36)              NOT NULL PRIMARY KEY,
    job_id               VARCHAR(128)             UNIQUE,         -- Pictory's id, once known
    phase                VARCHAR(16)              NOT NULL,       -- SENDING, OUTCOME_UNKNOWN, REFUSED, RUNNING, ENDED
    status               VARCHAR(64),                             -- Pictory's status as last read
    prompt               VARCHAR(5000),                           -- the request (null: a job only waited for)
    model                VARCHAR(64),
    aspect_ratio         VARCHAR(16),
    style                VARCHAR(64),
    reference_image_url  VARCHAR(2048),
    own_webhook          VARCHAR(500),                            -- a webhook the caller chose (the service's own is not kept)
    estimated_credits    NUMERIC(12, 3),
    reserved_credits     NUMERIC(12, 3),                          -- held in pictory4j_credit_period until the end settles it
    credit_day           VARCHAR(10),                             -- the day and month it counts in (2026-01-31, 2026-01)
    credit_month         VARCHAR(7),
    credits_used         NUMERIC(12, 3),
    image_url            VARCHAR(2048),
    width                INTEGER,
    height               INTEGER,
    error_code           VARCHAR(256),
    error_message        VARCHAR(4000),
    outcome_note         VARCHAR(1000),                           -- why the outcome is unknown
    webhook_nonce        VARCHAR(32)              UNIQUE,         -- binds a callback token to this submission
    webhook_expires_at   TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at             TIMESTAMP WITH TIME ZONE,                -- set once, by the one that announces the end
    event_fired_at       TIMESTAMP WITH TIME ZONE,
    event_owner          VARCHAR(64),                             -- the instance announcing the end, until event_claim_until
    event_claim_until    TIMESTAMP WITH TIME ZONE,
    poll_owner           VARCHAR(64),                             -- the instance polling the job, until poll_lease_until
    poll_lease_until     TIMESTAMP WITH TIME ZONE,
    image_state          VARCHAR(16),                             -- PENDING, KEPT, FAILED (null: no image to keep)
    image_attempts       INTEGER                  DEFAULT 0 NOT NULL,
    image_retry_at       TIMESTAMP WITH TIME ZONE,
    image_owner          VARCHAR(64),
    image_claim_until    TIMESTAMP WITH TIME ZONE,
    image_problem        VARCHAR(1000)
);
CREATE INDEX pictory4j_job_phase ON pictory4j_job (phase);
CREATE INDEX pictory4j_job_created ON pictory4j_job (created_at);
CREATE INDEX pictory4j_job_image ON pictory4j_job (image_state);
CREATE INDEX pictory4j_job_ended ON pictory4j_job (ended_at);

-- Credits per day (2026-01-31) and per month (2026-01), in pictory.budget.time-zone: spent is what Pictory
-- charged the jobs that ended; reserved is held by submissions not settled yet. A submission reserves its
-- price in its day and month, in the transaction that records it, only where the limit leaves room.
CREATE TABLE pictory4j_credit_period (
    period    VARCHAR(10)    NOT NULL PRIMARY KEY,
    spent     NUMERIC(14, 3) DEFAULT 0 NOT NULL,
    reserved  NUMERIC(14, 3) DEFAULT 0 NOT NULL
);

-- A kept PNG: its facts here, its bytes in 64 KiB chunks, so that it is written and read as a stream.
CREATE TABLE pictory4j_image (
    job_id        VARCHAR(128)             NOT NULL PRIMARY KEY,
    content_type  VARCHAR(64)              NOT NULL,
    size_bytes    BIGINT                   NOT NULL,
    width         INTEGER                  NOT NULL,
    height        INTEGER                  NOT NULL,
    chunks        INTEGER                  NOT NULL,
    kept_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE pictory4j_image_chunk (
    job_id  VARCHAR(128) NOT NULL,
    seq     INTEGER      NOT NULL,
    data    BYTEA        NOT NULL,
    PRIMARY KEY (job_id, seq)
);

INSERT INTO pictory4j_schema (version, applied_at) VALUES (1, TIMESTAMP WITH TIME ZONE '2026-11-20 09:00:00+00');
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('2026-11-20', 0.6, 2);
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('2026-11', 0.6, 2);
-- A job still running, with its reservation and its webhook binding, its poll lease held by an instance that is gone.
INSERT INTO pictory4j_job (submission_id, job_id, phase, status, prompt, model, aspect_ratio, estimated_credits,
    reserved_credits, credit_day, credit_month, webhook_nonce, webhook_expires_at, created_at, updated_at, poll_owner,
    poll_lease_until)
VALUES ('sub-running', 'job-running', 'RUNNING', 'in-progress', 'A lighthouse at dawn', 'seedream-3.0', '16:9', 2, 2,
    '2026-11-20', '2026-11', 'nonce-running', TIMESTAMP WITH TIME ZONE '2026-11-26 09:00:00+00',
    TIMESTAMP WITH TIME ZONE '2026-11-20 09:30:00+00', TIMESTAMP WITH TIME ZONE '2026-11-20 09:30:01+00', 'instance-gone',
    TIMESTAMP WITH TIME ZONE '2026-11-20 09:31:00+00');
-- A job that ended, its event fired and its reservation settled, whose image is still to be kept.
INSERT INTO pictory4j_job (submission_id, job_id, phase, status, prompt, model, estimated_credits, credit_day,
    credit_month, credits_used, image_url, width, height, created_at, updated_at, ended_at, event_fired_at, image_state,
    image_attempts)
VALUES ('sub-ended', 'job-ended', 'ENDED', 'completed', 'A harbour at noon', 'flux-schnell', 0.6, '2026-11-20', '2026-11',
    0.6, 'https://cdn.example/job-ended.png', 1024, 576, TIMESTAMP WITH TIME ZONE '2026-11-20 09:00:00+00',
    TIMESTAMP WITH TIME ZONE '2026-11-20 09:00:05+00', TIMESTAMP WITH TIME ZONE '2026-11-20 09:00:05+00',
    TIMESTAMP WITH TIME ZONE '2026-11-20 09:00:06+00', 'PENDING', 1);
