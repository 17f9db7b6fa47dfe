-- Member imports: an uploaded file, read in the background into rows that are validated and previewed,
-- then committed in one transaction. Rows keep the cells as written so a corrected column mapping can be
-- validated again without the file, and the error report can be written from them.
CREATE TABLE member_imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES organisations (id),
  -- Null when run from the command line without an account.
  account_id bigint REFERENCES accounts (id),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
  status text NOT NULL DEFAULT 'parsing'
    CHECK (status IN ('parsing', 'validating', 'ready', 'committing', 'committed', 'failed')),
  progress real NOT NULL DEFAULT 0,
  error_code text,
  error_message text,
  sheet_name text,
  notes jsonb NOT NULL DEFAULT '[]',
  header_row integer,
  header_cells jsonb NOT NULL DEFAULT '[]',
  encoding text CHECK (encoding IN ('tcvn3', 'vni')),
  -- [{ index, header, field, proposed }]
  mapping jsonb NOT NULL DEFAULT '[]',
  match_decision text NOT NULL DEFAULT 'update' CHECK (match_decision IN ('update', 'skip', 'merge')),
  counts jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz
);
CREATE INDEX member_imports_org ON member_imports (org_id, created_at);

CREATE TABLE member_import_rows (
  import_id bigint NOT NULL REFERENCES member_imports (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  -- Cells as read: strings, numbers, booleans, null, {"date": "yyyy-mm-dd"}, {"formula": true}.
  raw jsonb NOT NULL,
  -- Field values after parsing (ISO dates, codes), with the cell org id; null when unreadable.
  record jsonb,
  problems jsonb NOT NULL DEFAULT '[]',
  match_kind text CHECK (match_kind IN ('citizen_id', 'card_number', 'name_birth')),
  match_member_id bigint,
  duplicate_of integer,
  decision text CHECK (decision IN ('update', 'skip', 'merge')),
  outcome text NOT NULL CHECK (outcome IN ('create', 'update', 'merge', 'skip', 'unchanged', 'reject')),
  PRIMARY KEY (import_id, row_number)
);
CREATE INDEX member_import_rows_outcome ON member_import_rows (import_id, outcome, row_number);
