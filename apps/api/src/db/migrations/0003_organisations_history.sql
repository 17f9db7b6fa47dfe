-- Organisations: what each restructuring did to each organisation it touched (old/new name, old/new
-- parent) for the history page, and trigram indexes so code search and "as of" search use an index.
ALTER TABLE org_event_parts ADD COLUMN details jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE INDEX organisations_code_trgm ON organisations USING gin (code gin_trgm_ops);
CREATE INDEX org_versions_search_trgm ON org_versions USING gin (search_key gin_trgm_ops);
