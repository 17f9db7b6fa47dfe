-- Member registry: members, their cell history, membership events and posts held over time.

-- Which organisation types hold members directly (cells). Data, so a committee can add its own.
ALTER TABLE org_types ADD COLUMN holds_members boolean NOT NULL DEFAULT false;
UPDATE org_types SET holds_members = true WHERE code IN ('chi_bo_co_so', 'chi_bo_truc_thuoc');

-- Posts a member may hold (Party, government, mass organisations). Data with defaults.
CREATE TABLE member_post_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  kind text NOT NULL CHECK (kind IN ('party', 'government', 'mass')),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0
);
INSERT INTO member_post_types (code, kind, name_vi, name_en, sort_order) VALUES
  ('bi_thu', 'party', 'Bí thư cấp ủy', 'Committee secretary', 10),
  ('pho_bi_thu', 'party', 'Phó Bí thư cấp ủy', 'Deputy committee secretary', 20),
  ('uy_vien_ban_thuong_vu', 'party', 'Ủy viên Ban Thường vụ', 'Standing committee member', 30),
  ('cap_uy_vien', 'party', 'Cấp ủy viên', 'Committee member', 40),
  ('bi_thu_chi_bo', 'party', 'Bí thư chi bộ', 'Cell secretary', 50),
  ('pho_bi_thu_chi_bo', 'party', 'Phó Bí thư chi bộ', 'Deputy cell secretary', 60),
  ('chu_nhiem_ubkt', 'party', 'Chủ nhiệm Ủy ban Kiểm tra', 'Chair of the inspection commission', 70),
  ('truong_ban_dang', 'party', 'Trưởng ban của cấp ủy', 'Head of a committee department', 80),
  ('chu_tich_hdnd', 'government', 'Chủ tịch Hội đồng nhân dân', 'Chair of the People''s Council', 110),
  ('pho_chu_tich_hdnd', 'government', 'Phó Chủ tịch Hội đồng nhân dân', 'Deputy chair of the People''s Council', 120),
  ('chu_tich_ubnd', 'government', 'Chủ tịch Ủy ban nhân dân', 'Chair of the People''s Committee', 130),
  ('pho_chu_tich_ubnd', 'government', 'Phó Chủ tịch Ủy ban nhân dân', 'Deputy chair of the People''s Committee', 140),
  ('dai_bieu_hdnd', 'government', 'Đại biểu Hội đồng nhân dân', 'People''s Council deputy', 150),
  ('truong_thon', 'government', 'Trưởng thôn / Tổ trưởng dân phố', 'Village or neighbourhood head', 160),
  ('chu_tich_mttq', 'mass', 'Chủ tịch Ủy ban Mặt trận Tổ quốc', 'Chair of the Fatherland Front committee', 210),
  ('bi_thu_doan', 'mass', 'Bí thư Đoàn Thanh niên', 'Youth Union secretary', 220),
  ('chu_tich_hoi_phu_nu', 'mass', 'Chủ tịch Hội Liên hiệp Phụ nữ', 'Chair of the Women''s Union', 230),
  ('chu_tich_hoi_cuu_chien_binh', 'mass', 'Chủ tịch Hội Cựu chiến binh', 'Chair of the Veterans'' Association', 240),
  ('chu_tich_hoi_nong_dan', 'mass', 'Chủ tịch Hội Nông dân', 'Chair of the Farmers'' Union', 250);

-- One row per member: the current state. `org_id` is the current cell (the last cell for members who
-- have left). `search_key` is toSearchKey(full_name); `sort_key` is vietnameseSortKey(full_name), a
-- byte-ordered key so that ORDER BY sort_key COLLATE "C" is Vietnamese order on both databases.
CREATE TABLE members (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES organisations (id),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 200),
  search_key text NOT NULL,
  sort_key text COLLATE "C" NOT NULL,
  other_names text,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date date NOT NULL,
  birth_place text,
  home_town text,
  ethnicity text NOT NULL DEFAULT 'Kinh',
  religion text NOT NULL DEFAULT 'Không',
  citizen_id text CHECK (citizen_id ~ '^[0-9]{12}$'),
  card_number text,
  admitted_on date NOT NULL,
  full_member_on date,
  education_general text,
  education_professional text NOT NULL DEFAULT 'none'
    CHECK (education_professional IN ('none', 'so_cap', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si')),
  theory_level text NOT NULL DEFAULT 'none'
    CHECK (theory_level IN ('none', 'so_cap', 'trung_cap', 'cao_cap', 'cu_nhan')),
  occupation text,
  status text NOT NULL DEFAULT 'probationary'
    CHECK (status IN ('probationary', 'full', 'transferred_out', 'deceased', 'name_deleted', 'expelled', 'left')),
  status_since date NOT NULL,
  -- How the member takes part in cell life while active: regularly, temporarily elsewhere, or exempt.
  activity text NOT NULL DEFAULT 'regular' CHECK (activity IN ('regular', 'temporary', 'exempt')),
  awards text,
  discipline text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (full_member_on IS NULL OR full_member_on > admitted_on),
  CHECK (admitted_on > birth_date)
);
CREATE UNIQUE INDEX members_citizen_id ON members (citizen_id) WHERE citizen_id IS NOT NULL;
CREATE UNIQUE INDEX members_card_number ON members (card_number) WHERE card_number IS NOT NULL;
CREATE INDEX members_org ON members (org_id, sort_key);
CREATE INDEX members_sort ON members (sort_key, id);
CREATE INDEX members_search_trgm ON members USING gin (search_key gin_trgm_ops);
CREATE INDEX members_search_prefix ON members (search_key text_pattern_ops);
CREATE INDEX members_name_birth ON members (search_key, birth_date);

-- Which cell a member belonged to over [valid_from, valid_to). Exactly one open row per active member.
CREATE TABLE member_cells (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id bigint NOT NULL REFERENCES members (id),
  org_id bigint NOT NULL REFERENCES organisations (id),
  valid_from date NOT NULL,
  valid_to date,
  event_id bigint,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX member_cells_one_open ON member_cells (member_id) WHERE valid_to IS NULL;
CREATE INDEX member_cells_member ON member_cells (member_id, valid_from);
CREATE INDEX member_cells_org ON member_cells (org_id, valid_from);

-- Membership events. A transfer inside the system is 'pending' from the sending cell until the
-- receiving cell confirms ('done') or refuses ('refused'), or the sender cancels ('cancelled').
CREATE TABLE member_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id bigint NOT NULL REFERENCES members (id),
  kind text NOT NULL CHECK (kind IN (
    'admission', 'confirmation', 'transfer_internal', 'transfer_external', 'temporary_activity',
    'regular_activity', 'exemption', 'death', 'name_deletion', 'expulsion', 'leaving', 'correction',
    'card_issue', 'import')),
  occurred_on date NOT NULL,
  state text NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'pending', 'refused', 'cancelled')),
  from_org_id bigint REFERENCES organisations (id),
  to_org_id bigint REFERENCES organisations (id),
  -- Free text destination for transfers outside the system and temporary activity elsewhere.
  destination text,
  decision_ref text,
  note text,
  status_before text,
  status_after text,
  recorded_by bigint REFERENCES accounts (id),
  decided_by bigint REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE INDEX member_events_member ON member_events (member_id, occurred_on);
CREATE INDEX member_events_kind_date ON member_events (kind, occurred_on);
CREATE INDEX member_events_pending_to ON member_events (to_org_id) WHERE state = 'pending';

-- Posts held over time, concurrent posts allowed. `org_id` is the organisation in the tree where the
-- post is held when there is one; `held_at` names it in words (e.g. "HĐND xã Tân Hưng").
CREATE TABLE member_posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id bigint NOT NULL REFERENCES members (id),
  post_type text NOT NULL REFERENCES member_post_types (code) ON UPDATE CASCADE,
  org_id bigint REFERENCES organisations (id),
  held_at text,
  started_on date NOT NULL,
  ended_on date,
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX member_posts_member ON member_posts (member_id, started_on);
CREATE INDEX member_posts_open ON member_posts (post_type, member_id) WHERE ended_on IS NULL;
