-- The register's list and full-text search (GET /api/documents).

-- The register's order: newest first, undated documents (placeholders) last.
CREATE INDEX IF NOT EXISTS documents_recent ON documents (issued_on DESC NULLS LAST, id DESC);
