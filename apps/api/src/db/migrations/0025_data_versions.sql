-- Versions of groups of tables, for answers cached in the server process (ADR 0010): every statement
-- that changes a table of a group gives the group a new version, in the writing transaction, so a
-- reader sees the new version exactly when it sees the change. A cached answer is reused only while
-- its group's version is the one it was computed at. Versions come from a sequence: never reused, even
-- after a restore empties this table (a version equal to an old one would revive a stale answer). A
-- group's row appears with its first change (an empty database holds no rows, as a restore expects).
CREATE SEQUENCE data_version_seq;

CREATE TABLE data_versions (
  name text PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (name, version) VALUES (TG_ARGV[0], nextval('data_version_seq'))
  ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;

-- The member registry as the member statistics read it: members, their cells, events and posts, the
-- post types, and the organisations (subtrees, names).
CREATE TRIGGER members_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON members
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('members');
CREATE TRIGGER member_cells_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_cells
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('members');
CREATE TRIGGER member_events_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_events
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('members');
CREATE TRIGGER member_posts_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_posts
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('members');
CREATE TRIGGER member_post_types_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_post_types
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('members');
CREATE TRIGGER organisations_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('members');
