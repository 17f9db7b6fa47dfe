-- The task list (GET /api/tasks) on a province of ~200,000 tasks: a page in due-date or creation order
-- walks an index and stops after the page (instead of sorting every visible task), and a search of
-- the title and description (search_key LIKE '%…%', diacritics folded) reads a trigram index.
CREATE INDEX tasks_due_id ON tasks (due_date, id);
CREATE INDEX tasks_created_id ON tasks (created_at, id);
CREATE INDEX tasks_search_trgm ON tasks USING gin (search_key gin_trgm_ops);
