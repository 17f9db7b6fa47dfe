-- Organisations search at national scale: btree indexes whose order matches prefix matching, so a
-- name prefix ("chi bo thon…") or a code prefix ("hn-004…") is a range scan that can stop after a
-- LIMIT instead of collecting and sorting every trigram match. text_pattern_ops serves both = and
-- LIKE 'prefix%' whatever the database collation.
CREATE INDEX organisations_search_key_prefix ON organisations (search_key text_pattern_ops);
CREATE INDEX organisations_code_lower_prefix ON organisations (lower(code) text_pattern_ops);
CREATE INDEX org_versions_search_key_prefix ON org_versions (search_key text_pattern_ops);
