-- Directive register: Party (and cited state) documents, their files and extracted text, relations
-- between documents, cascades (who must issue an implementing document by when) and in-app
-- notifications (reminders).

-- Full-text search without diacritics: the simple parser, every word folded by unaccent (đ → d,
-- tone marks dropped), so "xay dung dang" matches "xây dựng Đảng" and snippets keep the original text.
CREATE TEXT SEARCH CONFIGURATION namro_vi (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION namro_vi ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- Document types (DOMAIN.md §3) as data. Quyết định and Quy định share the "QĐ" series: numbering is
-- per abbreviation, not per row.
CREATE TABLE document_types (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  system text NOT NULL CHECK (system IN ('party', 'state')),
  abbreviation text NOT NULL CHECK (abbreviation <> ''),
  name_vi text NOT NULL CHECK (name_vi <> ''),
  name_en text NOT NULL,
  -- Plans that make a directive concrete (KH, CTr, ĐA): offered first as implementing documents.
  is_plan boolean NOT NULL DEFAULT false,
  -- Recognised in old documents but no longer issued ("QĐi").
  legacy boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (system, abbreviation, name_vi)
);
INSERT INTO document_types (system, abbreviation, name_vi, name_en, is_plan, legacy, sort_order) VALUES
  ('party', 'NQ', 'Nghị quyết', 'Resolution', false, false, 10),
  ('party', 'QĐ', 'Quyết định', 'Decision', false, false, 20),
  ('party', 'QĐ', 'Quy định', 'Regulation', false, false, 30),
  ('party', 'QĐi', 'Quy định', 'Regulation (before 2021)', false, true, 31),
  ('party', 'CT', 'Chỉ thị', 'Directive', false, false, 40),
  ('party', 'KL', 'Kết luận', 'Conclusion', false, false, 50),
  ('party', 'QC', 'Quy chế', 'Rules of procedure', false, false, 60),
  ('party', 'TT', 'Thông tri', 'Circular', false, false, 70),
  ('party', 'HD', 'Hướng dẫn', 'Guidance', false, false, 80),
  ('party', 'TB', 'Thông báo', 'Notice', false, false, 90),
  ('party', 'BC', 'Báo cáo', 'Report', false, false, 100),
  ('party', 'TTr', 'Tờ trình', 'Submission', false, false, 110),
  ('party', 'KH', 'Kế hoạch', 'Plan', true, false, 120),
  ('party', 'CTr', 'Chương trình', 'Programme', true, false, 130),
  ('party', 'CTHĐ', 'Chương trình hành động', 'Action programme', true, false, 131),
  ('party', 'ĐA', 'Đề án', 'Scheme', true, false, 140),
  ('party', 'CV', 'Công văn', 'Official letter', false, false, 150),
  ('party', 'BB', 'Biên bản', 'Minutes', false, false, 160),
  ('state', 'NĐ', 'Nghị định', 'Government decree', false, false, 200),
  ('state', 'QĐ', 'Quyết định', 'Decision', false, false, 210),
  ('state', 'NQ', 'Nghị quyết', 'Resolution', false, false, 220),
  ('state', 'NQLT', 'Nghị quyết liên tịch', 'Joint resolution', false, false, 230),
  ('state', 'TT', 'Thông tư', 'Circular', false, false, 240),
  ('state', 'TTLT', 'Thông tư liên tịch', 'Joint circular', false, false, 250),
  ('state', 'CT', 'Chỉ thị', 'Directive', false, false, 260),
  ('state', 'KH', 'Kế hoạch', 'Plan', false, false, 270),
  ('state', 'TB', 'Thông báo', 'Notice', false, false, 280),
  ('state', 'HD', 'Hướng dẫn', 'Guidance', false, false, 290),
  ('state', 'BC', 'Báo cáo', 'Report', false, false, 300),
  ('state', 'TTr', 'Tờ trình', 'Submission', false, false, 310),
  ('state', 'CV', 'Công văn', 'Official letter', false, false, 320);

-- Issuer codes as data; joint issuers are written "BTCTU-BDVTU" and stored as an array.
CREATE TABLE document_issuers (
  code text PRIMARY KEY CHECK (code <> '' AND code !~ '[\s/-]'),
  name_vi text NOT NULL CHECK (name_vi <> ''),
  name_en text NOT NULL,
  level text NOT NULL CHECK (level IN ('central', 'province', 'district', 'grassroots', 'state')),
  legacy boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0
);
INSERT INTO document_issuers (code, name_vi, name_en, level, legacy, sort_order) VALUES
  ('TW', 'Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư', 'Central Committee, Politburo, Secretariat', 'central', false, 10),
  ('UBKTTW', 'Ủy ban Kiểm tra Trung ương', 'Central Inspection Commission', 'central', false, 20),
  ('BTCTW', 'Ban Tổ chức Trung ương', 'Central Organisation Commission', 'central', false, 30),
  ('VPTW', 'Văn phòng Trung ương Đảng', 'Party Central Office', 'central', false, 40),
  ('BTGDVTW', 'Ban Tuyên giáo và Dân vận Trung ương', 'Central Propaganda and Mass Mobilisation Commission', 'central', false, 50),
  ('BCĐTW', 'Ban Chỉ đạo Trung ương', 'Central Steering Committee', 'central', false, 60),
  ('BNCTW', 'Ban Nội chính Trung ương', 'Central Internal Affairs Commission', 'central', false, 70),
  ('BTGTW', 'Ban Tuyên giáo Trung ương', 'Central Propaganda Commission', 'central', true, 80),
  ('BDVTW', 'Ban Dân vận Trung ương', 'Central Mass Mobilisation Commission', 'central', true, 90),
  ('TU', 'Tỉnh ủy', 'Provincial Party Committee', 'province', false, 100),
  ('UBKTTU', 'Ủy ban Kiểm tra Tỉnh ủy', 'Provincial Inspection Commission', 'province', false, 110),
  ('BTCTU', 'Ban Tổ chức Tỉnh ủy', 'Provincial Organisation Commission', 'province', false, 120),
  ('VPTU', 'Văn phòng Tỉnh ủy', 'Provincial Party Office', 'province', false, 130),
  ('BTGDVTU', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Provincial Propaganda and Mass Mobilisation Commission', 'province', false, 140),
  ('BNCTU', 'Ban Nội chính Tỉnh ủy', 'Provincial Internal Affairs Commission', 'province', false, 150),
  ('BTGTU', 'Ban Tuyên giáo Tỉnh ủy', 'Provincial Propaganda Commission', 'province', true, 160),
  ('BDVTU', 'Ban Dân vận Tỉnh ủy', 'Provincial Mass Mobilisation Commission', 'province', true, 170),
  ('HU', 'Huyện ủy', 'District Party Committee', 'district', true, 200),
  ('QU', 'Quận ủy', 'Urban District Party Committee', 'district', true, 210),
  ('ThU', 'Thị ủy, Thành ủy', 'Town or City Party Committee', 'district', true, 220),
  ('ĐU', 'Đảng ủy', 'Party Committee', 'grassroots', false, 300),
  ('ĐUK', 'Đảng ủy khối', 'Bloc Party Committee', 'grassroots', true, 310),
  ('CB', 'Chi bộ', 'Party cell', 'grassroots', false, 320),
  ('ĐĐ', 'Đảng đoàn', 'Party delegation', 'grassroots', false, 330),
  ('BCSĐ', 'Ban cán sự đảng', 'Party affairs committee', 'grassroots', false, 340),
  ('BCĐ', 'Ban Chỉ đạo', 'Steering committee', 'grassroots', false, 350),
  ('CP', 'Chính phủ', 'Government', 'state', false, 400),
  ('TTg', 'Thủ tướng Chính phủ', 'Prime Minister', 'state', false, 410),
  ('QH', 'Quốc hội', 'National Assembly', 'state', false, 420),
  ('UBTVQH', 'Ủy ban Thường vụ Quốc hội', 'Standing Committee of the National Assembly', 'state', false, 430),
  ('UBND', 'Ủy ban nhân dân', 'People''s Committee', 'state', false, 440),
  ('HĐND', 'Hội đồng nhân dân', 'People''s Council', 'state', false, 450),
  ('BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs', 'state', false, 460);

-- Committee terms (nhiệm kỳ, khóa): numbering restarts at 01 per type within a term. A term belongs
-- to an organisation of the tree, or to an issuer outside it (the Central Committee: issuer "TW").
CREATE TABLE committee_terms (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint REFERENCES organisations (id),
  issuer_code text REFERENCES document_issuers (code),
  -- "Khóa XIII", "Nhiệm kỳ 2025–2030".
  label text NOT NULL CHECK (label <> ''),
  starts_on date NOT NULL,
  ends_on date,
  CHECK ((org_id IS NULL) <> (issuer_code IS NULL)),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX committee_terms_org ON committee_terms (org_id, starts_on) WHERE org_id IS NOT NULL;
CREATE INDEX committee_terms_issuer ON committee_terms (issuer_code, starts_on) WHERE issuer_code IS NOT NULL;
-- Central Committee terms (congress closing dates).
INSERT INTO committee_terms (issuer_code, label, starts_on, ends_on) VALUES
  ('TW', 'Khóa XI', '2011-01-20', '2016-01-28'),
  ('TW', 'Khóa XII', '2016-01-29', '2021-02-01'),
  ('TW', 'Khóa XIII', '2021-02-02', '2026-01-23'),
  ('TW', 'Khóa XIV', '2026-01-24', NULL);

CREATE TABLE documents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The organisation that holds the record: visibility follows its subtree (and the recipients).
  owner_org_id bigint NOT NULL REFERENCES organisations (id),
  -- The issuing organisation when it is in the tree (a commune's own plan); null for central or state
  -- documents registered for reference.
  issuing_org_id bigint REFERENCES organisations (id),
  system text NOT NULL CHECK (system IN ('party', 'state')),
  type_id bigint NOT NULL REFERENCES document_types (id),
  -- Copied from the type so the symbol and the numbering series need no join.
  type_abbreviation text NOT NULL,
  -- As written: "21", "05" (party), "30/2020" (state); null for unnumbered documents.
  number text,
  -- Lead issuer first: {BTCTU, BDVTU} for "05-QC/BTCTU-BDVTU"; {CP} for "30/2020/NĐ-CP".
  issuer_codes text[] NOT NULL DEFAULT '{}',
  -- The formatted symbol: "21-KL/TW", "30/2020/NĐ-CP"; null for unnumbered documents.
  symbol text,
  term_id bigint REFERENCES committee_terms (id),
  -- Uniqueness of a number: system|type|number|lead issuer|term ("t:<id>") or year ("y:2021") when no
  -- term is known. Built by the service; null for unnumbered documents.
  number_key text,
  issued_on date,
  place text,
  -- Trích yếu.
  subject text NOT NULL DEFAULT '',
  signer text,
  status text NOT NULL DEFAULT 'in_force' CHECK (status IN ('in_force', 'amended', 'replaced', 'expired')),
  confidentiality text NOT NULL DEFAULT 'normal'
    CHECK (confidentiality IN ('normal', 'confidential', 'secret', 'top_secret')),
  -- Created from a reference found in another document's text, to be completed later.
  is_placeholder boolean NOT NULL DEFAULT false,
  -- A named citation as written for unnumbered documents ("Nghị quyết Trung ương 4 (khóa XII)").
  citation text,
  -- Normalised key of a named citation ("NQ|plenum:4|term:XII", "NQ|congress:XIV"); unique.
  citation_key text,
  -- Where the body text came from; 'none' for a scanned PDF without a text layer.
  text_source text CHECK (text_source IN ('docx', 'pdf', 'txt', 'manual', 'none')),
  -- Symbol and subject (weight A) and body text (weight D), namro_vi configuration.
  search_tsv tsvector NOT NULL DEFAULT ''::tsvector,
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX documents_number_key ON documents (number_key) WHERE number_key IS NOT NULL;
CREATE UNIQUE INDEX documents_citation_key ON documents (citation_key) WHERE citation_key IS NOT NULL;
CREATE INDEX documents_owner ON documents (owner_org_id, issued_on DESC);
CREATE INDEX documents_issuing_org ON documents (issuing_org_id) WHERE issuing_org_id IS NOT NULL;
CREATE INDEX documents_symbol ON documents (type_abbreviation, number);
CREATE INDEX documents_issued_on ON documents (issued_on DESC, id DESC);
CREATE INDEX documents_search ON documents USING gin (search_tsv);

-- The extracted body text, apart from the row so lists and scans never carry it.
CREATE TABLE document_texts (
  document_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  body text NOT NULL
);

CREATE TABLE document_recipients (
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  org_id bigint NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (document_id, org_id)
);
CREATE INDEX document_recipients_org ON document_recipients (org_id);

-- Attachments (.docx, .pdf, images), kept in the database so a backup holds them.
CREATE TABLE document_files (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('docx', 'pdf', 'image', 'txt')),
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  -- null for images; false for a scanned PDF without a text layer.
  has_text_layer boolean,
  page_count integer,
  content bytea NOT NULL,
  created_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_files_document ON document_files (document_id);

-- Relations: "from implements to" (from cụ thể hóa to), replaces, amends, guides, refers to.
CREATE TABLE document_relations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  to_document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('implements', 'replaces', 'amends', 'guides', 'refers_to')),
  -- 'text': found in the from-document's text; 'manual': added by a person.
  origin text NOT NULL CHECK (origin IN ('text', 'manual')),
  -- The first citation as written in the text and its character offsets.
  quote text,
  quote_start integer,
  quote_end integer,
  created_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_document_id <> to_document_id),
  UNIQUE (from_document_id, to_document_id, kind)
);
CREATE INDEX document_relations_to ON document_relations (to_document_id, kind);

-- A cascade: the document requires the target organisations to issue an implementing document by the
-- deadline. Targets are fixed when the cascade is created (named organisations, or every active
-- organisation of the chosen types in a subtree), so later restructuring does not rewrite the demand.
CREATE TABLE document_cascades (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  deadline date NOT NULL,
  -- {"kind": "orgs", "orgIds": [...]} or {"kind": "types", "rootOrgId": n, "typeCodes": [...]}
  selection jsonb NOT NULL,
  note text,
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_cascades_document ON document_cascades (document_id);

CREATE TABLE document_cascade_targets (
  cascade_id bigint NOT NULL REFERENCES document_cascades (id) ON DELETE CASCADE,
  org_id bigint NOT NULL REFERENCES organisations (id),
  last_reminded_at timestamptz,
  PRIMARY KEY (cascade_id, org_id)
);
CREATE INDEX document_cascade_targets_org ON document_cascade_targets (org_id);

-- In-app notifications (reminders), addressed to an organisation: every account holding a role on
-- that organisation itself sees it in its inbox. `dedupe_key` stops the same reminder twice.
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES organisations (id),
  kind text NOT NULL,
  title_vi text NOT NULL,
  title_en text NOT NULL,
  body_vi text NOT NULL DEFAULT '',
  body_en text NOT NULL DEFAULT '',
  -- A path in the web app ("/documents/12/coverage").
  link text,
  dedupe_key text UNIQUE,
  created_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_org ON notifications (org_id, created_at DESC);

CREATE TABLE notification_reads (
  notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts (id),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, account_id)
);

-- An uploaded file, read (text, proposed header, references) and held until it is attached to a
-- document; uploads older than a day are removed.
CREATE TABLE document_uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id bigint REFERENCES accounts (id),
  file_name text NOT NULL,
  media_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('docx', 'pdf', 'image', 'txt')),
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  has_text_layer boolean,
  page_count integer,
  content bytea NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_uploads_created ON document_uploads (created_at);
