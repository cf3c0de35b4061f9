-- pictory4j job store: schema version 3 to 4 (simulated credits, listings per spender). Every statement can run
-- again (see upgrade-v1-to-v2.sql). A job row says whether its credits are simulated, so that its end settles
-- them in the periods it reserved them in (simulated/2026-01-31 or 2026-01-31), even if pictory.budget.simulated
-- changed across a restart; rows written before are real. Jobs are listed per user and per team by the two indexes.
ALTER TABLE pictory4j_job ADD COLUMN IF NOT EXISTS credits_simulated BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX IF NOT EXISTS pictory4j_job_spender_user ON pictory4j_job (spender_user, created_at);
CREATE INDEX IF NOT EXISTS pictory4j_job_spender_team ON pictory4j_job (spender_team, created_at);
