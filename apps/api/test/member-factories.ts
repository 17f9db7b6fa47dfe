// Members for tests, written straight to the tables (no HTTP): the row, its open cell span and its
// admission event, as the admission use case would leave them.
import type { MemberStatus } from "@namro/contracts";
import { normalizeText, toSearchKey, vietnameseNameSortKey } from "@namro/domain";
import type { Kysely } from "kysely";
import type { Database, NewMember } from "../src/db/schema.ts";

export interface MemberSpec {
  fullName?: string;
  sex?: "male" | "female";
  birthDate?: string;
  admittedOn?: string;
  status?: MemberStatus;
  citizenId?: string | null;
  cardNumber?: string | null;
  religion?: string;
  ethnicity?: string;
  discipline?: string | null;
  educationProfessional?: NewMember["educationProfessional"];
  theoryLevel?: NewMember["theoryLevel"];
}

export async function createMember(
  db: Kysely<Database>,
  orgId: number,
  spec: MemberSpec = {},
): Promise<{ id: number; fullName: string }> {
  const fullName = normalizeText(spec.fullName ?? "Nguyễn Văn An");
  const admittedOn = spec.admittedOn ?? "2015-05-19";
  const status = spec.status ?? "full";
  const values: NewMember = {
    orgId,
    fullName,
    searchKey: toSearchKey(fullName),
    sortKey: vietnameseNameSortKey(fullName),
    sex: spec.sex ?? "male",
    birthDate: spec.birthDate ?? "1985-03-02",
    admittedOn,
    fullMemberOn: status === "probationary" ? null : addYear(admittedOn),
    status,
    statusSince: admittedOn,
    citizenId: spec.citizenId ?? null,
    cardNumber: spec.cardNumber ?? null,
    religion: spec.religion ?? "Không",
    ethnicity: spec.ethnicity ?? "Kinh",
    discipline: spec.discipline ?? null,
    educationProfessional: spec.educationProfessional ?? "dai_hoc",
    theoryLevel: spec.theoryLevel ?? "trung_cap",
  };
  const row = await db
    .insertInto("members")
    .values(values)
    .returning(["id", "fullName"])
    .executeTakeFirstOrThrow();
  const active = status === "probationary" || status === "full";
  await db
    .insertInto("memberCells")
    .values({ memberId: row.id, orgId, validFrom: admittedOn, validTo: active ? null : admittedOn })
    .execute();
  await db
    .insertInto("memberEvents")
    .values({
      memberId: row.id,
      kind: "admission",
      occurredOn: admittedOn,
      toOrgId: orgId,
      statusAfter: "probationary",
    })
    .execute();
  return row;
}

function addYear(iso: string): string {
  return `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
}
