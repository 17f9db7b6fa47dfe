// Test data builders. Each test builds its own root organisation and works beneath it.
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, OrganisationRow } from "../src/db/schema.ts";
import { insertOrganisation } from "../src/modules/organisations/organisations.repository.ts";

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export interface OrgSpec {
  name?: string;
  typeCode?: string;
  code?: string;
  validFrom?: string;
}

export async function createOrg(db: Kysely<Database>, parent: OrganisationRow | null, spec: OrgSpec = {}) {
  const typeCode = spec.typeCode ?? (parent ? "dang_uy_xa" : "tinh_uy");
  return insertOrganisation(db, {
    code: spec.code ?? `T-${uniqueSuffix()}`,
    name: spec.name ?? `Tổ chức ${uniqueSuffix()}`,
    typeCode,
    parentId: parent?.id ?? null,
    validFrom: spec.validFrom ?? "2020-01-01",
    eventId: null,
  });
}

/** A small province: root → two communes (each with one cell) and a department. */
export async function createProvince(db: Kysely<Database>, name = `Tỉnh ủy ${uniqueSuffix()}`) {
  const province = await createOrg(db, null, { name, typeCode: "tinh_uy" });
  const communeA = await createOrg(db, province, {
    name: `Đảng ủy xã Tân Hưng ${uniqueSuffix()}`,
    typeCode: "dang_uy_xa",
  });
  const communeB = await createOrg(db, province, {
    name: `Đảng ủy phường Bắc Sơn ${uniqueSuffix()}`,
    typeCode: "dang_uy_xa",
  });
  const cellA = await createOrg(db, communeA, {
    name: `Chi bộ thôn Đông ${uniqueSuffix()}`,
    typeCode: "chi_bo_truc_thuoc",
  });
  const cellB = await createOrg(db, communeB, {
    name: `Chi bộ khu phố 1 ${uniqueSuffix()}`,
    typeCode: "chi_bo_truc_thuoc",
  });
  const office = await createOrg(db, province, { name: "Văn phòng Tỉnh ủy", typeCode: "van_phong" });
  return { province, communeA, communeB, cellA, cellB, office };
}
