// Member rows → DTOs, field by field, with the sensitive fields masked unless the actor may see them
// (one rule for every view: maskSensitiveMemberFields from @namro/domain).
import type {
  MemberDetail,
  MemberEvent,
  MemberStatus,
  MemberSummary,
  MemberTransfer,
} from "@namro/contracts";
import { maskSensitiveMemberFields } from "@namro/domain";
import type { MemberListRow } from "./members.list.repository.ts";
import type { CellSpanRow, EventRow, MemberWithOrg, PostRow } from "./members.repository.ts";
import type { TransferRow } from "./members.transfers.repository.ts";

/** The summary with stored values; masked once, by the callers below. */
function summaryFields(row: MemberListRow): MemberSummary {
  return {
    id: row.id,
    fullName: row.fullName,
    sex: row.sex,
    birthDate: row.birthDate,
    cardNumber: row.cardNumber,
    citizenId: row.citizenId,
    orgId: row.orgId,
    orgName: row.orgName,
    status: row.status,
    activity: row.activity,
    admittedOn: row.admittedOn,
    fullMemberOn: row.fullMemberOn,
  };
}

export function presentSummary(row: MemberListRow, canSeeSensitive: boolean): MemberSummary {
  return maskSensitiveMemberFields(summaryFields(row), canSeeSensitive);
}

export function presentEvent(row: EventRow): MemberEvent {
  return {
    id: row.id,
    kind: row.kind,
    occurredOn: row.occurredOn,
    state: row.state,
    fromOrgId: row.fromOrgId,
    fromOrgName: row.fromOrgName,
    toOrgId: row.toOrgId,
    toOrgName: row.toOrgName,
    destination: row.destination,
    decisionRef: row.decisionRef,
    note: row.note,
    statusBefore: row.statusBefore as MemberStatus | null,
    statusAfter: row.statusAfter as MemberStatus | null,
    recordedByName: row.recordedByName,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export interface DetailParts {
  orgPath: { id: number; name: string }[];
  cellHistory: CellSpanRow[];
  posts: PostRow[];
  events: EventRow[];
  canEdit: boolean;
  canSeeSensitive: boolean;
}

export function presentDetail(row: MemberWithOrg, parts: DetailParts): MemberDetail {
  const { canSeeSensitive } = parts;
  const detail: MemberDetail = {
    ...summaryFields(row),
    otherNames: row.otherNames,
    birthPlace: row.birthPlace,
    homeTown: row.homeTown,
    ethnicity: row.ethnicity,
    religion: row.religion,
    educationGeneral: row.educationGeneral,
    educationProfessional: row.educationProfessional as MemberDetail["educationProfessional"],
    theoryLevel: row.theoryLevel as MemberDetail["theoryLevel"],
    occupation: row.occupation,
    statusSince: row.statusSince,
    awards: row.awards,
    discipline: row.discipline,
    orgPath: parts.orgPath,
    cellHistory: parts.cellHistory.map((span) => ({
      orgId: span.orgId,
      orgName: span.orgName,
      validFrom: span.validFrom,
      validTo: span.validTo,
    })),
    posts: parts.posts.map((post) => ({ ...post })),
    events: parts.events.map(presentEvent),
    version: row.version,
    canEdit: parts.canEdit,
    canSeeSensitive,
  };
  return maskSensitiveMemberFields(detail, canSeeSensitive);
}

export function presentTransfer(
  row: TransferRow,
  flags: { canDecide: boolean; canCancel: boolean },
): MemberTransfer {
  return {
    eventId: row.eventId,
    memberId: row.memberId,
    memberName: row.memberName,
    fromOrgId: row.fromOrgId,
    fromOrgName: row.fromOrgName,
    toOrgId: row.toOrgId,
    toOrgName: row.toOrgName,
    occurredOn: row.occurredOn,
    state: row.state,
    decisionRef: row.decisionRef,
    note: row.note,
    canDecide: flags.canDecide,
    canCancel: flags.canCancel,
  };
}
