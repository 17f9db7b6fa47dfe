-- Member statistics of a province (~200,000 members) at national scale (issue 3: ≤ 300 ms). Indexes
-- only; IF NOT EXISTS so a server where they were built ahead of the migration takes it at once.

-- The breakdowns read, per cell of the subtree, the status, sex, birth and admission dates, education,
-- theory level, ethnicity and religion of its members, and the posts read their ids: all from this
-- index (an index-only scan, ~8,000 pages for a province) instead of one heap page per member.
CREATE INDEX IF NOT EXISTS members_statistics ON members (org_id, status)
  INCLUDE (sex, birth_date, admitted_on, education_professional, theory_level, ethnicity, religion, id);

-- "The member's cell on a day" (latest valid_from, then latest id) answered from the index alone: the
-- flows look it up for every admission or loss recorded without its organisation. Same leading columns
-- as the index it replaces, so its other readers are served as before.
CREATE INDEX IF NOT EXISTS member_cells_member_day ON member_cells (member_id, valid_from, id) INCLUDE (org_id);
DROP INDEX IF EXISTS member_cells_member;

-- Transfers into and out of a subtree, reached from the subtree's organisations instead of scanning
-- every transfer of the window (150,000 nationally) and joining both ends to their organisations.
CREATE INDEX IF NOT EXISTS member_events_transfer_to ON member_events (to_org_id, occurred_on)
  WHERE kind = 'transfer_internal' AND state = 'done';
CREATE INDEX IF NOT EXISTS member_events_transfer_from ON member_events (from_org_id, occurred_on)
  WHERE kind = 'transfer_internal' AND state = 'done';
