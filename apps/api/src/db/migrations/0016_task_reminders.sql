-- Indexes of the task reminder job (modules/tasks/tasks.reminders.repository.ts), so each of its scans
-- starts from a small part of the tasks instead of all of them. Due soon and overdue use tasks_due.

-- Assignments: unfinished tasks changed in the last days.
CREATE INDEX tasks_recently_changed ON tasks (updated_at) WHERE state = 'active' AND completed_on IS NULL;

-- Report due / late: unfinished periodic tasks by the last period they reported.
CREATE INDEX tasks_reporting ON tasks (last_reported_period_end NULLS FIRST)
  WHERE report_frequency IS NOT NULL AND state = 'active' AND completed_on IS NULL;

-- Returned reports, by when they were returned.
CREATE INDEX task_reports_returned ON task_reports (reviewed_at) WHERE status = 'returned';
