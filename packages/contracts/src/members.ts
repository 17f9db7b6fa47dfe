// The member registry: browsing, a member's record, edits with optimistic concurrency, membership
// events (admission, confirmation, transfers, …) and posts held over time.
import { z } from "zod";
import { defineRoutes, IdParamsSchema, IsoDateSchema, OkSchema } from "./http.ts";

export const MemberStatusSchema = z.enum([
  "probationary",
  "full",
  "transferred_out",
  "deceased",
  "name_deleted",
  "expelled",
  "left",
]);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;
/** Statuses of a member who still belongs to a cell. */
export const ACTIVE_MEMBER_STATUSES = ["probationary", "full"] as const satisfies readonly MemberStatus[];

export const MemberSexSchema = z.enum(["male", "female"]);
export const MemberActivitySchema = z.enum(["regular", "temporary", "exempt"]);
export const TheoryLevelSchema = z.enum(["none", "so_cap", "trung_cap", "cao_cap", "cu_nhan"]);
export const ProfessionalEducationSchema = z.enum([
  "none",
  "so_cap",
  "trung_cap",
  "cao_dang",
  "dai_hoc",
  "thac_si",
  "tien_si",
]);
export const AgeBandSchema = z.enum(["under_31", "31_40", "41_50", "51_60", "61_70", "over_70"]);
export type AgeBand = z.infer<typeof AgeBandSchema>;
export const PostKindSchema = z.enum(["party", "government", "mass"]);

export const MemberEventKindSchema = z.enum([
  "admission",
  "confirmation",
  "transfer_internal",
  "transfer_external",
  "temporary_activity",
  "regular_activity",
  "exemption",
  "death",
  "name_deletion",
  "expulsion",
  "leaving",
  "correction",
  "card_issue",
  "import",
]);
export type MemberEventKind = z.infer<typeof MemberEventKindSchema>;
export const MemberEventStateSchema = z.enum(["done", "pending", "refused", "cancelled"]);

/** A sensitive field (citizen ID, religion, discipline) as the actor may see it. */
const SensitiveTextSchema = z.string().nullable();

export const MemberSummarySchema = z.object({
  id: z.number(),
  fullName: z.string(),
  sex: MemberSexSchema,
  birthDate: IsoDateSchema,
  cardNumber: z.string().nullable(),
  /** Masked ("0xx*******89") unless the actor may see ID numbers. */
  citizenId: SensitiveTextSchema,
  orgId: z.number(),
  orgName: z.string(),
  status: MemberStatusSchema,
  activity: MemberActivitySchema,
  admittedOn: IsoDateSchema,
  fullMemberOn: IsoDateSchema.nullable(),
});
export type MemberSummary = z.infer<typeof MemberSummarySchema>;

export const MemberCellSpanSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  validFrom: IsoDateSchema,
  validTo: IsoDateSchema.nullable(),
});

export const MemberPostSchema = z.object({
  id: z.number(),
  postType: z.string(),
  postKind: PostKindSchema,
  postNameVi: z.string(),
  postNameEn: z.string(),
  orgId: z.number().nullable(),
  heldAt: z.string().nullable(),
  startedOn: IsoDateSchema,
  endedOn: IsoDateSchema.nullable(),
});
export type MemberPost = z.infer<typeof MemberPostSchema>;

export const MemberEventSchema = z.object({
  id: z.number(),
  kind: MemberEventKindSchema,
  occurredOn: IsoDateSchema,
  state: MemberEventStateSchema,
  fromOrgId: z.number().nullable(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.number().nullable(),
  toOrgName: z.string().nullable(),
  destination: z.string().nullable(),
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  statusBefore: MemberStatusSchema.nullable(),
  statusAfter: MemberStatusSchema.nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberEvent = z.infer<typeof MemberEventSchema>;

export const MemberDetailSchema = MemberSummarySchema.extend({
  otherNames: z.string().nullable(),
  birthPlace: z.string().nullable(),
  homeTown: z.string().nullable(),
  ethnicity: z.string(),
  /** Masked (null) unless the actor may see sensitive fields. */
  religion: SensitiveTextSchema,
  educationGeneral: z.string().nullable(),
  educationProfessional: ProfessionalEducationSchema,
  theoryLevel: TheoryLevelSchema,
  occupation: z.string().nullable(),
  statusSince: IsoDateSchema,
  awards: z.string().nullable(),
  /** Masked (null) unless the actor may see sensitive fields. */
  discipline: SensitiveTextSchema,
  /** Ancestors of the current cell, from the topmost visible one. */
  orgPath: z.array(z.object({ id: z.number(), name: z.string() })),
  cellHistory: z.array(MemberCellSpanSchema),
  posts: z.array(MemberPostSchema),
  events: z.array(MemberEventSchema),
  version: z.number(),
  canEdit: z.boolean(),
  canSeeSensitive: z.boolean(),
});
export type MemberDetail = z.infer<typeof MemberDetailSchema>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").filter((v) => v !== "") : value),
    z.array(item).max(20),
  );

export const MemberSortSchema = z.enum([
  "name",
  "-name",
  "birthDate",
  "-birthDate",
  "admittedOn",
  "-admittedOn",
]);

/** Filters shared by the list, the export and the statistics. */
export const MemberFilterSchema = z.object({
  /** Name without diacritics, card number, or (with the permission) citizen ID number. */
  q: z.string().trim().max(100).optional(),
  /** Subtree to look in; defaults to the actor's whole scope. */
  orgId: z.coerce.number().int().positive().optional(),
  status: csv(MemberStatusSchema).optional(),
  sex: MemberSexSchema.optional(),
  ageBand: csv(AgeBandSchema).optional(),
  ethnicity: z.string().trim().max(100).optional(),
  religion: z.string().trim().max(100).optional(),
  educationProfessional: csv(ProfessionalEducationSchema).optional(),
  theoryLevel: csv(TheoryLevelSchema).optional(),
  /** Holds (now, or on `asOf`) a post of this type. */
  postType: z.string().trim().max(64).optional(),
  /** Members of the subtree on this date (cell history), instead of now. */
  asOf: IsoDateSchema.optional(),
});
// Without `status`, lists hold active members only (ACTIVE_MEMBER_STATUSES: probationary and full),
// except with `asOf`, where the cell history alone decides who belonged to the subtree on that date.
export type MemberFilter = z.infer<typeof MemberFilterSchema>;

export const ListMembersQuerySchema = MemberFilterSchema.extend({
  sort: MemberSortSchema.default("name"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuerySchema>;

export const MemberPageSchema = z.object({
  items: z.array(MemberSummarySchema),
  page: z.number(),
  pageSize: z.number(),
  /** Exact up to 10,000; beyond that `total` is 10,000 and `totalCapped` is true ("more than"). */
  total: z.number(),
  totalCapped: z.boolean(),
});

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v));

/** Editable personal data (status changes go through events). */
export const MemberPersonalDataSchema = z.object({
  fullName: z.string().trim().min(2).max(200),
  otherNames: OptionalText(200),
  sex: MemberSexSchema,
  birthDate: IsoDateSchema,
  birthPlace: OptionalText(300),
  homeTown: OptionalText(300),
  ethnicity: z.string().trim().min(1).max(100).default("Kinh"),
  /** Ignored unless the actor may see sensitive fields. */
  religion: z.string().trim().min(1).max(100).optional(),
  /** 12 digits; ignored unless the actor may see sensitive fields. */
  citizenId: OptionalText(20),
  cardNumber: OptionalText(20),
  admittedOn: IsoDateSchema,
  fullMemberOn: IsoDateSchema.nullable().optional(),
  educationGeneral: OptionalText(20),
  educationProfessional: ProfessionalEducationSchema.default("none"),
  theoryLevel: TheoryLevelSchema.default("none"),
  occupation: OptionalText(200),
  awards: OptionalText(2000),
  /** Ignored unless the actor may see sensitive fields. */
  discipline: OptionalText(2000),
});
export type MemberPersonalData = z.infer<typeof MemberPersonalDataSchema>;

export const UpdateMemberBodySchema = MemberPersonalDataSchema.extend({ version: z.number().int() });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;

/** Admission: a new probationary member in a cell. */
export const AdmitMemberBodySchema = MemberPersonalDataSchema.omit({ fullMemberOn: true }).extend({
  orgId: z.number().int().positive(),
  decisionRef: OptionalText(200),
});
export type AdmitMemberBody = z.infer<typeof AdmitMemberBodySchema>;

const EventCommon = {
  occurredOn: IsoDateSchema,
  decisionRef: OptionalText(200),
  note: OptionalText(2000),
  /** The member's record version the user saw. */
  version: z.number().int(),
};

export const RecordMemberEventBodySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirmation"), ...EventCommon }),
  /** Sent by the current cell; the receiving cell confirms. */
  z.object({ kind: z.literal("transfer_internal"), toOrgId: z.number().int().positive(), ...EventCommon }),
  z.object({
    kind: z.literal("transfer_external"),
    destination: z.string().trim().min(2).max(300),
    ...EventCommon,
  }),
  z.object({
    kind: z.literal("temporary_activity"),
    destination: z.string().trim().min(2).max(300),
    ...EventCommon,
  }),
  z.object({ kind: z.literal("regular_activity"), ...EventCommon }),
  z.object({ kind: z.literal("exemption"), ...EventCommon }),
  z.object({ kind: z.literal("death"), ...EventCommon }),
  z.object({ kind: z.literal("name_deletion"), ...EventCommon }),
  z.object({ kind: z.literal("expulsion"), ...EventCommon }),
  z.object({ kind: z.literal("leaving"), ...EventCommon }),
]);
export type RecordMemberEventBody = z.infer<typeof RecordMemberEventBodySchema>;

export const MemberTransferSchema = z.object({
  eventId: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  fromOrgId: z.number(),
  fromOrgName: z.string(),
  toOrgId: z.number(),
  toOrgName: z.string(),
  occurredOn: IsoDateSchema,
  state: MemberEventStateSchema,
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the actor may confirm or refuse it (receiving side) / cancel it (sending side). */
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type MemberTransfer = z.infer<typeof MemberTransferSchema>;

export const TransferDecisionBodySchema = z.object({
  /** For a confirmation: the day the member starts in the receiving cell (defaults to the sending date). */
  effectiveOn: IsoDateSchema.optional(),
  note: OptionalText(2000),
});

export const MemberPostTypeSchema = z.object({
  code: z.string(),
  kind: PostKindSchema,
  nameVi: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
});

export const AddMemberPostBodySchema = z.object({
  postType: z.string().trim().min(1).max(64),
  orgId: z.number().int().positive().nullable().optional(),
  heldAt: OptionalText(300),
  startedOn: IsoDateSchema,
  endedOn: IsoDateSchema.nullable().optional(),
  version: z.number().int(),
});
export const EndMemberPostBodySchema = z.object({ endedOn: IsoDateSchema, version: z.number().int() });
export const MemberPostParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  postId: z.coerce.number().int().positive(),
});

export const MemberCellOnQuerySchema = z.object({ on: IsoDateSchema });

export const memberRoutes = defineRoutes({
  listMembers: {
    method: "GET",
    path: "/api/members",
    summary: "Browse and search members in the actor's scope",
    tags: ["members"],
    querystring: ListMembersQuerySchema,
    response: MemberPageSchema,
  },
  getMember: {
    method: "GET",
    path: "/api/members/:id",
    summary: "A member's record: personal data, cell history, posts, events",
    tags: ["members"],
    params: IdParamsSchema,
    response: MemberDetailSchema,
  },
  getMemberCellOn: {
    method: "GET",
    path: "/api/members/:id/cell",
    summary: "Which cell the member belonged to on a date",
    tags: ["members"],
    params: IdParamsSchema,
    querystring: MemberCellOnQuerySchema,
    response: MemberCellSpanSchema.nullable(),
  },
  admitMember: {
    method: "POST",
    path: "/api/members",
    summary: "Record an admission: a new probationary member in a cell",
    tags: ["members"],
    body: AdmitMemberBodySchema,
    response: MemberDetailSchema,
    successStatus: 201,
  },
  updateMember: {
    method: "PUT",
    path: "/api/members/:id",
    summary: "Edit a member's personal data (optimistic concurrency on version)",
    tags: ["members"],
    params: IdParamsSchema,
    body: UpdateMemberBodySchema,
    response: MemberDetailSchema,
  },
  recordMemberEvent: {
    method: "POST",
    path: "/api/members/:id/events",
    summary: "Record a membership event (confirmation, transfer, activity, exemption, death, …)",
    tags: ["members"],
    params: IdParamsSchema,
    body: RecordMemberEventBodySchema,
    response: MemberDetailSchema,
  },
  listMemberPostTypes: {
    method: "GET",
    path: "/api/member-post-types",
    summary: "Types of post a member may hold",
    tags: ["members"],
    response: z.object({ items: z.array(MemberPostTypeSchema) }),
  },
  addMemberPost: {
    method: "POST",
    path: "/api/members/:id/posts",
    summary: "Record a post the member holds or held",
    tags: ["members"],
    params: IdParamsSchema,
    body: AddMemberPostBodySchema,
    response: MemberDetailSchema,
  },
  endMemberPost: {
    method: "PUT",
    path: "/api/members/:id/posts/:postId",
    summary: "Record the end of a post",
    tags: ["members"],
    params: MemberPostParamsSchema,
    body: EndMemberPostBodySchema,
    response: MemberDetailSchema,
  },
  listMemberTransfers: {
    method: "GET",
    path: "/api/member-transfers",
    summary: "Transfers in the actor's scope awaiting a decision, incoming and outgoing",
    tags: ["members"],
    querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
    response: z.object({ incoming: z.array(MemberTransferSchema), outgoing: z.array(MemberTransferSchema) }),
  },
  confirmMemberTransfer: {
    method: "POST",
    path: "/api/member-transfers/:id/confirm",
    summary: "The receiving cell confirms a transfer",
    tags: ["members"],
    params: IdParamsSchema,
    body: TransferDecisionBodySchema,
    response: OkSchema,
  },
  refuseMemberTransfer: {
    method: "POST",
    path: "/api/member-transfers/:id/refuse",
    summary: "The receiving cell refuses a transfer",
    tags: ["members"],
    params: IdParamsSchema,
    body: TransferDecisionBodySchema,
    response: OkSchema,
  },
  cancelMemberTransfer: {
    method: "POST",
    path: "/api/member-transfers/:id/cancel",
    summary: "The sending cell withdraws a transfer not yet decided",
    tags: ["members"],
    params: IdParamsSchema,
    body: TransferDecisionBodySchema,
    response: OkSchema,
  },
});
