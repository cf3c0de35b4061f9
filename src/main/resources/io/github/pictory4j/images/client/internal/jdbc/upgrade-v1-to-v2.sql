-- pictory4j job store: schema version 1 to 2, every job kept. The module runs it (with
-- pictory.store.create-schema=true) because the requests are rewritten as JSON in between. Before this script
-- the new tables (pictory4j_claim, pictory4j_image_keeping) are made from schema-v2.sql; before the marker the
-- claims and image states are copied; after it, the old columns go.
-- Every statement can run again: H2 commits at each DDL statement, so an upgrade cut short there (a killed JVM)
-- is finished by the next start. The copies and the rewrite run only while every old column is still there.
INSERT INTO pictory4j_claim (job_id, kind, claimed_by, claimed_until) SELECT job_id, 'POLL', poll_owner, poll_lease_until
    FROM pictory4j_job j WHERE job_id IS NOT NULL AND poll_owner IS NOT NULL AND poll_lease_until IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM pictory4j_claim c WHERE c.job_id = j.job_id AND c.kind = 'POLL');
INSERT INTO pictory4j_claim (job_id, kind, claimed_by, claimed_until) SELECT job_id, 'EVENT', event_owner, event_claim_until
    FROM pictory4j_job j WHERE job_id IS NOT NULL AND event_owner IS NOT NULL AND event_claim_until IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM pictory4j_claim c WHERE c.job_id = j.job_id AND c.kind = 'EVENT');
INSERT INTO pictory4j_claim (job_id, kind, claimed_by, claimed_until) SELECT job_id, 'IMAGE', image_owner, image_claim_until
    FROM pictory4j_job j WHERE job_id IS NOT NULL AND image_owner IS NOT NULL AND image_claim_until IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM pictory4j_claim c WHERE c.job_id = j.job_id AND c.kind = 'IMAGE');
INSERT INTO pictory4j_image_keeping (job_id, state, attempts, retry_at, problem, due_since)
    SELECT job_id, image_state, image_attempts, image_retry_at, image_problem, COALESCE(ended_at, updated_at)
    FROM pictory4j_job j WHERE job_id IS NOT NULL AND image_state IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM pictory4j_image_keeping k WHERE k.job_id = j.job_id);
ALTER TABLE pictory4j_job ADD COLUMN IF NOT EXISTS request_kind VARCHAR(16);
ALTER TABLE pictory4j_job ADD COLUMN IF NOT EXISTS request_json VARCHAR(20000);
-- @requests: each row's prompt, model, aspect_ratio, style, reference_image_url and own_webhook become its request_json
DROP INDEX IF EXISTS pictory4j_job_image;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS prompt;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS model;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS aspect_ratio;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS style;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS reference_image_url;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS own_webhook;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS poll_owner;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS poll_lease_until;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS event_owner;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS event_claim_until;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS image_state;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS image_attempts;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS image_retry_at;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS image_owner;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS image_claim_until;
ALTER TABLE pictory4j_job DROP COLUMN IF EXISTS image_problem;
