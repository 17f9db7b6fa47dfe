-- A document issued outside the tree (a central or state document, or a local body known only by its
-- code: issuing_org_id null) and a document named by plenum or congress are registered once per
-- province tree, not once per installation: their number and citation keys end with the holder's
-- top-level organisation ("party|KL|21|TW|t:3|r:12", "NQ|congress:XIV|r:12"), as documents.keys.ts
-- builds them. Rows written before carry no tree part.
UPDATE documents d
SET number_key = d.number_key || '|r:' || subpath(o.path, 0, 1)::text
FROM organisations o
WHERE o.id = d.owner_org_id AND d.issuing_org_id IS NULL AND d.number_key IS NOT NULL
  AND d.number_key !~ '\|r:[0-9]+$';

UPDATE documents d
SET citation_key = d.citation_key || '|r:' || subpath(o.path, 0, 1)::text
FROM organisations o
WHERE o.id = d.owner_org_id AND d.citation_key IS NOT NULL AND d.citation_key !~ '\|r:[0-9]+$';

-- The next number of a series (max of a term's numbers of one type) reads only that term's documents.
CREATE INDEX IF NOT EXISTS documents_series ON documents (term_id, type_abbreviation) WHERE term_id IS NOT NULL;
