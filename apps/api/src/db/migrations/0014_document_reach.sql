-- Where each document reaches, for the visibility rule (documents.visibility.ts): one row per document
-- and organisation that holds it, receives it or is demanded an implementing document of it by a
-- cascade, with that organisation's path. A scope then finds its documents by one range of the path
-- index (a province's ~49,000 of a million in milliseconds) instead of joining its ~18,600 organisations
-- to the documents, recipients and cascade targets on every request.
--
-- Derived data, kept right by statement triggers: the sources' inserts add rows, a change of holder and
-- a removed recipient or target recompute their documents, and an organisation's new path (a move
-- rewrites a whole subtree in one UPDATE) is copied to its rows in one statement.
CREATE TABLE document_reach (
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  org_id bigint NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  path ltree NOT NULL,
  PRIMARY KEY (document_id, org_id)
);
CREATE INDEX document_reach_org ON document_reach (org_id);

-- The rows of `ids` rebuilt from the holder, the recipients and the cascade targets.
CREATE FUNCTION document_reach_recompute(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM document_reach WHERE document_id = ANY(ids);
  INSERT INTO document_reach (document_id, org_id, path)
  SELECT s.document_id, s.org_id, o.path FROM (
    SELECT d.id AS document_id, d.owner_org_id AS org_id FROM documents d WHERE d.id = ANY(ids)
    UNION SELECT r.document_id, r.org_id FROM document_recipients r
      JOIN documents d ON d.id = r.document_id WHERE r.document_id = ANY(ids)
    UNION SELECT c.document_id, t.org_id FROM document_cascade_targets t
      JOIN document_cascades c ON c.id = t.cascade_id
      JOIN documents d ON d.id = c.document_id WHERE c.document_id = ANY(ids)
  ) s JOIN organisations o ON o.id = s.org_id;
END $$;

CREATE FUNCTION document_reach_documents_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO document_reach (document_id, org_id, path)
  SELECT n.id, n.owner_org_id, o.path FROM inserted n JOIN organisations o ON o.id = n.owner_org_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_documents_inserted AFTER INSERT ON documents
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION document_reach_documents_inserted();

CREATE FUNCTION document_reach_documents_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_reach_recompute(ARRAY(
    SELECT n.id FROM updated n JOIN previous p ON p.id = n.id WHERE n.owner_org_id <> p.owner_org_id));
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_documents_updated AFTER UPDATE ON documents
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_documents_updated();

CREATE FUNCTION document_reach_recipients_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO document_reach (document_id, org_id, path)
  SELECT n.document_id, n.org_id, o.path FROM inserted n JOIN organisations o ON o.id = n.org_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_recipients_inserted AFTER INSERT ON document_recipients
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_recipients_inserted();

CREATE FUNCTION document_reach_recipients_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_reach_recompute(ARRAY(SELECT DISTINCT p.document_id FROM previous p));
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_recipients_deleted AFTER DELETE ON document_recipients
  REFERENCING OLD TABLE AS previous
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_recipients_changed();
CREATE TRIGGER document_reach_recipients_updated AFTER UPDATE ON document_recipients
  REFERENCING OLD TABLE AS previous
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_recipients_changed();

CREATE FUNCTION document_reach_targets_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO document_reach (document_id, org_id, path)
  SELECT c.document_id, n.org_id, o.path FROM inserted n
    JOIN document_cascades c ON c.id = n.cascade_id JOIN organisations o ON o.id = n.org_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_targets_inserted AFTER INSERT ON document_cascade_targets
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_targets_inserted();

-- A removed target: its cascade may be gone already (deleted with it), so the documents are found by
-- the cascades still there and, for deleted cascades, by the cascade trigger below.
CREATE FUNCTION document_reach_targets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_reach_recompute(ARRAY(
    SELECT DISTINCT c.document_id FROM previous p JOIN document_cascades c ON c.id = p.cascade_id));
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_targets_deleted AFTER DELETE ON document_cascade_targets
  REFERENCING OLD TABLE AS previous
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_targets_changed();
CREATE TRIGGER document_reach_targets_updated AFTER UPDATE ON document_cascade_targets
  REFERENCING OLD TABLE AS previous
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_targets_changed();

CREATE FUNCTION document_reach_cascades_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_reach_recompute(ARRAY(SELECT DISTINCT p.document_id FROM previous p));
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_cascades_deleted AFTER DELETE ON document_cascades
  REFERENCING OLD TABLE AS previous
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_cascades_deleted();

-- A move or a re-parenting rewrites the paths of a subtree in one UPDATE: one UPDATE here too.
CREATE FUNCTION document_reach_paths_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE document_reach r SET path = n.path
  FROM updated n JOIN previous p ON p.id = n.id
  WHERE r.org_id = n.id AND n.path <> p.path;
  RETURN NULL;
END $$;
CREATE TRIGGER document_reach_paths_moved AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated
  FOR EACH STATEMENT EXECUTE FUNCTION document_reach_paths_moved();

INSERT INTO document_reach (document_id, org_id, path)
SELECT s.document_id, s.org_id, o.path FROM (
  SELECT d.id AS document_id, d.owner_org_id AS org_id FROM documents d
  UNION SELECT r.document_id, r.org_id FROM document_recipients r
  UNION SELECT c.document_id, t.org_id FROM document_cascade_targets t
    JOIN document_cascades c ON c.id = t.cascade_id
) s JOIN organisations o ON o.id = s.org_id;

CREATE INDEX document_reach_path ON document_reach USING gist (path);
ANALYZE document_reach;
