-- The register's list and full-text search (GET /api/documents).

-- The symbol forms, citation, subject (weight A) and type name (B) alone: the first tier of a search,
-- so a number or a subject word is found among a million documents whose bodies also cite it
-- ("21-KL/TW" appears in the text of every plan that carries it out).
CREATE INDEX IF NOT EXISTS documents_search_head ON documents USING gin (ts_filter(search_tsv, '{a,b}'));

-- The register's order: newest first, undated documents (placeholders) last.
CREATE INDEX IF NOT EXISTS documents_recent ON documents (issued_on DESC NULLS LAST, id DESC);
