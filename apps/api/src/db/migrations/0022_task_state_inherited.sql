-- Pausing or cancelling a task applies to its subtree. A subordinate task put in that state by an
-- ancestor's change remembers the ancestor, so resuming the ancestor resumes exactly those (not a
-- child someone paused on its own).
ALTER TABLE tasks ADD COLUMN state_set_by_task_id bigint REFERENCES tasks (id) ON DELETE SET NULL;
CREATE INDEX tasks_state_set_by ON tasks (state_set_by_task_id) WHERE state_set_by_task_id IS NOT NULL;
