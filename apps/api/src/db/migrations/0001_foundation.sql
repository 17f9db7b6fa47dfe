-- Foundation: organisation tree with history, accounts and scoped roles, sessions, hash-chained audit.
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Organisation types are data: which type may sit under which is a table, editable by administrators.
CREATE TABLE org_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  is_department boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE org_type_rules (
  parent_type text NOT NULL REFERENCES org_types (code) ON UPDATE CASCADE,
  child_type text NOT NULL REFERENCES org_types (code) ON UPDATE CASCADE,
  PRIMARY KEY (parent_type, child_type)
);

-- Current state of every organisation, open or closed. `path` is the ltree of ids from the root, kept
-- for closed organisations too (where they sat when they closed) so their history stays reachable.
CREATE TABLE organisations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  search_key text NOT NULL,
  type_code text NOT NULL REFERENCES org_types (code) ON UPDATE CASCADE,
  parent_id bigint REFERENCES organisations (id),
  path ltree NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved', 'merged', 'split')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((status = 'active') = (valid_to IS NULL))
);
CREATE INDEX organisations_path_gist ON organisations USING gist (path);
CREATE INDEX organisations_parent ON organisations (parent_id);
CREATE INDEX organisations_search_trgm ON organisations USING gin (search_key gin_trgm_ops);

-- Every state an organisation has had: name, type and parent over [valid_from, valid_to).
-- The tree "as of" a date is the set of versions valid on that date.
CREATE TABLE org_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES organisations (id),
  valid_from date NOT NULL,
  valid_to date,
  name text NOT NULL,
  search_key text NOT NULL,
  type_code text NOT NULL REFERENCES org_types (code) ON UPDATE CASCADE,
  parent_id bigint REFERENCES organisations (id),
  event_id bigint,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX org_versions_one_open ON org_versions (org_id) WHERE valid_to IS NULL;
CREATE INDEX org_versions_org ON org_versions (org_id, valid_from);
CREATE INDEX org_versions_parent ON org_versions (parent_id, valid_from);

-- Restructuring events (create, rename, move, merge, split, dissolve) with their legal basis.
CREATE TABLE org_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('create', 'rename', 'move', 'merge', 'split', 'dissolve')),
  effective_date date NOT NULL,
  reason text,
  decision_ref text,
  actor_id bigint,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (coalesce(reason, '') <> '' OR coalesce(decision_ref, '') <> '')
);

-- Which organisations each event touched and how: subject of a rename/move/dissolve, source and
-- target of a merge or split. Lineage is the predecessor → successor pairs of merges and splits.
CREATE TABLE org_event_parts (
  event_id bigint NOT NULL REFERENCES org_events (id),
  org_id bigint NOT NULL REFERENCES organisations (id),
  role text NOT NULL CHECK (role IN ('subject', 'source', 'target', 'moved_child')),
  PRIMARY KEY (event_id, org_id, role)
);
CREATE INDEX org_event_parts_org ON org_event_parts (org_id);

CREATE TABLE org_lineage (
  event_id bigint NOT NULL REFERENCES org_events (id),
  predecessor_id bigint NOT NULL REFERENCES organisations (id),
  successor_id bigint NOT NULL REFERENCES organisations (id),
  effective_date date NOT NULL,
  PRIMARY KEY (event_id, predecessor_id, successor_id)
);
CREATE INDEX org_lineage_successor ON org_lineage (successor_id);
CREATE INDEX org_lineage_predecessor ON org_lineage (predecessor_id);

ALTER TABLE org_versions ADD FOREIGN KEY (event_id) REFERENCES org_events (id);

CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9._-]{3,64}$'),
  display_name text NOT NULL,
  search_key text NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A role held over an organisation covers its whole subtree. One account may hold several.
CREATE TABLE role_assignments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('system_admin', 'committee_leader', 'committee_staff', 'cell_secretary', 'member')),
  org_id bigint NOT NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, role, org_id)
);
CREATE INDEX role_assignments_org ON role_assignments (org_id);

-- Server-side sessions; the cookie carries a random token whose SHA-256 is stored here.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  second_factor_pending boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Append-only audit log. Each row's hash covers its content and the previous row's hash, so changing
-- or deleting a row breaks the chain from there on (`namro audit verify`).
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_id bigint,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  org_id bigint,
  org_path ltree,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_org_path ON audit_log USING gist (org_path);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);

-- Facts about this installation: whether the demo was seeded, the data format, …
CREATE TABLE system_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
