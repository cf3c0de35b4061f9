-- pictory4j job store: schema version 2 to 3 (budgets per spender). Every statement can run again (see
-- upgrade-v1-to-v2.sql). The periods' names grow a scope (user/alice/2026-01-31), and a job row says who it
-- is charged to, so that its end settles its reservation in every scope it was taken in. Users and teams can
-- have limits of their own (pictory4j_budget_limit).
CREATE TABLE IF NOT EXISTS pictory4j_budget_limit (
    scope            VARCHAR(140)             NOT NULL PRIMARY KEY,
    daily_credits    NUMERIC(14, 3),
    monthly_credits  NUMERIC(14, 3),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE pictory4j_credit_period ALTER COLUMN period SET DATA TYPE VARCHAR(160);
ALTER TABLE pictory4j_job ADD COLUMN IF NOT EXISTS spender_user VARCHAR(128);
ALTER TABLE pictory4j_job ADD COLUMN IF NOT EXISTS spender_team VARCHAR(64);
