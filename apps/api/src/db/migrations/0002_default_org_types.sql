-- Default organisation types after the 2025 re-organisation (DOMAIN.md §1) and which may sit under
-- which. These are data: administrators may change them.
INSERT INTO org_types (code, name_vi, name_en, is_department, sort_order) VALUES
  ('trung_uong', 'Ban Chấp hành Trung ương', 'Central Committee', false, 0),
  ('tinh_uy', 'Tỉnh ủy / Thành ủy', 'Provincial / city Party committee', false, 10),
  ('dang_uy_xa', 'Đảng ủy xã / phường / đặc khu', 'Commune / ward / special zone Party committee', false, 20),
  ('dang_uy_co_quan', 'Đảng ủy cơ quan', 'Agency Party committee', false, 30),
  ('dang_uy_co_so', 'Đảng ủy cơ sở', 'Grassroots Party committee', false, 40),
  ('chi_bo_co_so', 'Chi bộ cơ sở', 'Grassroots Party cell', false, 50),
  ('chi_bo_truc_thuoc', 'Chi bộ trực thuộc', 'Subordinate Party cell', false, 60),
  ('to_dang', 'Tổ đảng', 'Party group', false, 70),
  ('van_phong', 'Văn phòng', 'Office', true, 80),
  ('ban_to_chuc', 'Ban Tổ chức', 'Organisation Commission', true, 81),
  ('uy_ban_kiem_tra', 'Ủy ban Kiểm tra', 'Inspection Commission', true, 82),
  ('ban_tuyen_giao_dan_van', 'Ban Tuyên giáo và Dân vận', 'Propaganda and Mass Mobilisation Commission', true, 83);

INSERT INTO org_type_rules (parent_type, child_type)
SELECT parent, child FROM (VALUES
  ('trung_uong', 'tinh_uy'), ('trung_uong', 'dang_uy_co_quan'),
  ('tinh_uy', 'dang_uy_xa'), ('tinh_uy', 'dang_uy_co_quan'), ('tinh_uy', 'dang_uy_co_so'), ('tinh_uy', 'chi_bo_co_so'),
  ('dang_uy_xa', 'dang_uy_co_so'), ('dang_uy_xa', 'chi_bo_co_so'), ('dang_uy_xa', 'chi_bo_truc_thuoc'),
  ('dang_uy_co_quan', 'dang_uy_co_so'), ('dang_uy_co_quan', 'chi_bo_co_so'), ('dang_uy_co_quan', 'chi_bo_truc_thuoc'),
  ('dang_uy_co_so', 'chi_bo_truc_thuoc'),
  ('chi_bo_co_so', 'to_dang'),
  ('chi_bo_truc_thuoc', 'to_dang')
) AS rules (parent, child);

-- Every committee has its departments.
INSERT INTO org_type_rules (parent_type, child_type)
SELECT committee, department
FROM (VALUES ('trung_uong'), ('tinh_uy'), ('dang_uy_xa'), ('dang_uy_co_quan'), ('dang_uy_co_so')) AS c (committee)
CROSS JOIN (VALUES ('van_phong'), ('ban_to_chuc'), ('uy_ban_kiem_tra'), ('ban_tuyen_giao_dan_van')) AS d (department);
