-- A database as the commit 85ff845 wrote it (schema version 3, budgets per spender): its DDL, copied, and rows it
-- wrote. Frozen: a later schema must open it (upgraded, never refused). Read by JdbcStoreContract.
-- pictory4j job store, schema version 3. The same SQL runs on H2 (2.x) and PostgreSQL (13 and later).
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
    request_kind         VARCHAR(16),                             -- what was submitted: image (null: a job only waited for)
    request_json         VARCHAR(20000),                          -- the request as JSON (a webhook the caller chose; not the service's own)
    estimated_credits    NUMERIC(12, 3),
    reserved_credits     NUMERIC(12, 3),                          -- held in pictory4j_credit_period until the end settles it
    credit_day           VARCHAR(10),                             -- the day and month it counts in (2026-01-31, 2026-01)
    credit_month         VARCHAR(7),
    spender_user         VARCHAR(128),                            -- who it is charged to (null: the application alone)
    spender_team         VARCHAR(64),
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
    event_fired_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX pictory4j_job_phase ON pictory4j_job (phase);
CREATE INDEX pictory4j_job_created ON pictory4j_job (created_at);
CREATE INDEX pictory4j_job_ended ON pictory4j_job (ended_at);

-- Who works on a job, until when: POLL (the instance polling it), EVENT (the instance announcing its end),
-- IMAGE (the instance downloading its image). A claim is free when it has no row or its time has passed.
CREATE TABLE pictory4j_claim (
    job_id         VARCHAR(128)             NOT NULL,
    kind           VARCHAR(8)               NOT NULL,
    claimed_by     VARCHAR(64)              NOT NULL,
    claimed_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, kind)
);
CREATE INDEX pictory4j_claim_owner ON pictory4j_claim (claimed_by);

-- A completed job's image on its way to pictory4j_image: due since the job ended, tried until kept or given up.
CREATE TABLE pictory4j_image_keeping (
    job_id     VARCHAR(128)             NOT NULL PRIMARY KEY,
    state      VARCHAR(16)              NOT NULL,                 -- PENDING, KEPT, FAILED
    attempts   INTEGER                  DEFAULT 0 NOT NULL,
    retry_at   TIMESTAMP WITH TIME ZONE,
    problem    VARCHAR(1000),
    due_since  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pictory4j_image_keeping_state ON pictory4j_image_keeping (state);

-- Credits per day (2026-01-31) and per month (2026-01), in pictory.budget.time-zone, for the application and
-- for each user (user/alice/2026-01-31) and team (team/design/2026-01) submissions are charged to: spent is
-- what Pictory charged the jobs that ended; reserved is held by submissions not settled yet. A submission
-- reserves its price in the day and month of each of its scopes, in the transaction that records it, only
-- where every limit leaves room.
CREATE TABLE pictory4j_credit_period (
    period    VARCHAR(160)   NOT NULL PRIMARY KEY,
    spent     NUMERIC(14, 3) DEFAULT 0 NOT NULL,
    reserved  NUMERIC(14, 3) DEFAULT 0 NOT NULL
);

-- A user's or team's own limits (user/alice, team/design), set while the application runs, in place of the
-- defaults (pictory.budget.user.*, pictory.budget.team.*); a null limit is no limit.
CREATE TABLE pictory4j_budget_limit (
    scope            VARCHAR(140)             NOT NULL PRIMARY KEY,
    daily_credits    NUMERIC(14, 3),
    monthly_credits  NUMERIC(14, 3),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
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

INSERT INTO pictory4j_schema (version, applied_at) VALUES (3, TIMESTAMP WITH TIME ZONE '2026-12-01 09:00:00+00');
-- A job still running, charged to alice of the design team: its reservation is held in the six periods of its scopes.
INSERT INTO pictory4j_job (submission_id, job_id, phase, status, request_kind, request_json, estimated_credits,
    reserved_credits, credit_day, credit_month, spender_user, spender_team, created_at, updated_at)
VALUES ('sub-alice', 'job-alice', 'RUNNING', 'in-progress', 'image',
    '{"aspectRatio":"16:9","model":"seedream-3.0","prompt":"A lighthouse at dawn"}', 2, 2, '2026-11-20', '2026-11',
    'alice', 'design', TIMESTAMP WITH TIME ZONE '2026-11-20 09:30:00+00', TIMESTAMP WITH TIME ZONE '2026-11-20 09:30:01+00');
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('2026-11-20', 0, 2);
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('2026-11', 0, 2);
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('user/alice/2026-11-20', 0, 2);
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('user/alice/2026-11', 0, 2);
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('team/design/2026-11-20', 0, 2);
INSERT INTO pictory4j_credit_period (period, spent, reserved) VALUES ('team/design/2026-11', 0, 2);
