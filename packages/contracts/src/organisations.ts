import { z } from "zod";
import { defineRoutes, IdParamsSchema, IsoDateSchema } from "./http.ts";

export const OrgStatusSchema = z.enum(["active", "dissolved", "merged", "split"]);
export const OrgEventKindSchema = z.enum(["create", "rename", "move", "merge", "split", "dissolve"]);

export const OrgTypeSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  isDepartment: z.boolean(),
  /** Members belong directly to organisations of this type (cells). */
  holdsMembers: z.boolean(),
  sortOrder: z.number(),
  /** Types allowed directly under this one. */
  allowedChildTypes: z.array(z.string()),
  /** Changes with every edit; an edit names the version it started from. */
  version: z.number(),
});
export type OrgType = z.infer<typeof OrgTypeSchema>;

/** Codes are stable identifiers (they key the rules and every organisation's type). */
export const OrgTypeCodeSchema = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);
const OrgTypeNameSchema = z.string().trim().min(2).max(200);
const OrgTypeCodeListSchema = z.array(OrgTypeCodeSchema).max(200);

export const UpdateOrgTypeBodySchema = z.object({
  nameVi: OrgTypeNameSchema,
  nameEn: OrgTypeNameSchema,
  isDepartment: z.boolean(),
  /** Members belong directly to organisations of this type; unchanged when absent. */
  holdsMembers: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000),
  /** Replaces the set of types allowed directly under this one. */
  allowedChildTypes: OrgTypeCodeListSchema,
  version: z.number().int(),
});
export type UpdateOrgTypeBody = z.infer<typeof UpdateOrgTypeBodySchema>;

export const CreateOrgTypeBodySchema = UpdateOrgTypeBodySchema.omit({ version: true }).extend({
  code: OrgTypeCodeSchema,
  holdsMembers: z.boolean().default(false),
  /** Types under which the new type may sit. */
  allowedParentTypes: OrgTypeCodeListSchema.default([]),
  allowedChildTypes: OrgTypeCodeListSchema.default([]),
});
export type CreateOrgTypeBody = z.infer<typeof CreateOrgTypeBodySchema>;

export const OrgTypeParamsSchema = z.object({ code: OrgTypeCodeSchema });

export const OrgSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  typeCode: z.string(),
  parentId: z.number().nullable(),
  status: OrgStatusSchema,
  validFrom: IsoDateSchema,
  validTo: IsoDateSchema.nullable(),
  childCount: z.number(),
});
export type OrgSummary = z.infer<typeof OrgSummarySchema>;

export const OrgPathItemSchema = z.object({ id: z.number(), name: z.string(), typeCode: z.string() });

export const OrgDetailSchema = OrgSummarySchema.extend({
  /** Ancestors from the topmost visible one down to the parent. */
  ancestors: z.array(OrgPathItemSchema),
  children: z.array(OrgSummarySchema),
  version: z.number(),
  /**
   * Whether the actor may change this organisation itself (rename, move, merge, split, dissolve) —
   * decided one level up, so a commune's staff cannot dissolve their own commune.
   */
  canRestructure: z.boolean(),
  /** Whether the actor may create units under it. */
  canAddUnits: z.boolean(),
  asOf: IsoDateSchema.nullable(),
});
export type OrgDetail = z.infer<typeof OrgDetailSchema>;

export const OrgSearchHitSchema = OrgSummarySchema.extend({
  /** Names from the topmost visible ancestor down to the parent. */
  pathNames: z.array(z.string()),
});
export type OrgSearchHit = z.infer<typeof OrgSearchHitSchema>;

export const OrgVersionSchema = z.object({
  validFrom: IsoDateSchema,
  validTo: IsoDateSchema.nullable(),
  name: z.string(),
  typeCode: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
});

export const OrgRefSchema = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  visible: z.boolean(),
});

export const OrgHistoryEventSchema = z.object({
  id: z.number(),
  kind: OrgEventKindSchema,
  effectiveDate: IsoDateSchema,
  reason: z.string().nullable(),
  decisionRef: z.string().nullable(),
  recordedAt: z.string(),
  actorName: z.string().nullable(),
  /**
   * This organisation's part in the event: the subject of a create/rename/move/dissolve, a source or
   * the target of a merge or split, or a unit re-parented by it ("moved_child").
   */
  role: z.enum(["subject", "source", "target", "moved_child"]),
  /** This organisation's own lineage in a merge or split: what it came from, what it became. */
  predecessors: z.array(OrgRefSchema),
  successors: z.array(OrgRefSchema),
  /** Human summary parameters: old and new name, old and new parent (parents only when visible). */
  details: z.record(z.string(), z.string().nullable()),
});
export type OrgHistoryEvent = z.infer<typeof OrgHistoryEventSchema>;

export const OrgHistorySchema = z.object({
  versions: z.array(OrgVersionSchema),
  events: z.array(OrgHistoryEventSchema),
});
export type OrgHistory = z.infer<typeof OrgHistorySchema>;

export const AsOfQuerySchema = z.object({ asOf: IsoDateSchema.optional() });
export const ChildrenQuerySchema = AsOfQuerySchema.extend({
  includeClosed: z.stringbool().default(false),
});
export const OrgSearchQuerySchema = AsOfQuerySchema.extend({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  includeClosed: z.stringbool().default(false),
  /** Only organisations of these types (comma-separated codes), e.g. the cells members belong to. */
  types: z
    .preprocess(
      (value) => (typeof value === "string" ? value.split(",").filter((v) => v !== "") : value),
      z.array(OrgTypeCodeSchema).max(50),
    )
    .optional(),
});

/** Legal basis every restructuring carries: at least one of reason or decision reference. */
const ChangeBasisSchema = z.object({
  effectiveDate: IsoDateSchema,
  reason: z.string().trim().max(2000).optional(),
  decisionRef: z.string().trim().max(200).optional(),
});

const OrgNameSchema = z.string().trim().min(2).max(300);
const OrgCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,64}$/);

export const CreateOrgBodySchema = ChangeBasisSchema.extend({
  name: OrgNameSchema,
  code: OrgCodeSchema.optional(),
  typeCode: z.string().min(1),
  parentId: z.number().int().positive().nullable(),
});
export const RenameOrgBodySchema = ChangeBasisSchema.extend({
  name: OrgNameSchema,
  version: z.number().int(),
});
export const MoveOrgBodySchema = ChangeBasisSchema.extend({
  newParentId: z.number().int().positive(),
  version: z.number().int(),
});
export const MergeOrgsBodySchema = ChangeBasisSchema.extend({
  sourceIds: z.array(z.number().int().positive()).min(1).max(50),
  target: z.union([
    z.object({ existingId: z.number().int().positive() }),
    z.object({
      name: OrgNameSchema,
      code: OrgCodeSchema.optional(),
      typeCode: z.string().min(1),
      parentId: z.number().int().positive(),
    }),
  ]),
  /**
   * Versions the person saw (e.g. of the organisation whose page the merge started from); a merge of
   * a record changed since then is refused with CONFLICT_STALE_VERSION.
   */
  expectedVersions: z
    .array(z.object({ id: z.number().int().positive(), version: z.number().int() }))
    .max(51)
    .optional(),
});
export const SplitOrgBodySchema = ChangeBasisSchema.extend({
  parts: z
    .array(z.object({ name: OrgNameSchema, code: OrgCodeSchema.optional(), typeCode: z.string().min(1) }))
    .min(2)
    .max(20),
  /** Parent of the new organisations; defaults to the split organisation's parent. */
  parentId: z.number().int().positive().optional(),
  /** Which new organisation (index in `parts`) takes each active unit under the split one. */
  childAssignments: z.array(
    z.object({ childId: z.number().int().positive(), partIndex: z.number().int().min(0) }),
  ),
  version: z.number().int(),
});
export const DissolveOrgBodySchema = ChangeBasisSchema.extend({ version: z.number().int() });

export const RestructureResultSchema = z.object({
  eventId: z.number(),
  /** The organisations created or changed. */
  organisations: z.array(OrgSummarySchema),
});

export const organisationRoutes = defineRoutes({
  listOrgTypes: {
    method: "GET",
    path: "/api/org-types",
    summary: "Organisation types and which may sit under which",
    tags: ["organisations"],
    response: z.object({ items: z.array(OrgTypeSchema) }),
  },
  createOrgType: {
    method: "POST",
    path: "/api/org-types",
    summary: "Add an organisation type with where it may sit (system administrators of a root)",
    tags: ["organisations"],
    body: CreateOrgTypeBodySchema,
    response: OrgTypeSchema,
    successStatus: 201,
  },
  updateOrgType: {
    method: "PUT",
    path: "/api/org-types/:code",
    summary: "Change an organisation type and the types allowed directly under it",
    tags: ["organisations"],
    params: OrgTypeParamsSchema,
    body: UpdateOrgTypeBodySchema,
    response: OrgTypeSchema,
  },
  listRoots: {
    method: "GET",
    path: "/api/organisations/roots",
    summary: "The topmost organisations of the actor's scope",
    tags: ["organisations"],
    querystring: AsOfQuerySchema,
    response: z.object({ items: z.array(OrgSummarySchema) }),
  },
  searchOrgs: {
    method: "GET",
    path: "/api/organisations/search",
    summary: "Search organisations by name or code, with or without diacritics",
    tags: ["organisations"],
    querystring: OrgSearchQuerySchema,
    response: z.object({ items: z.array(OrgSearchHitSchema) }),
  },
  getOrg: {
    method: "GET",
    path: "/api/organisations/:id",
    summary: "One organisation with its parents and children (optionally as of a date)",
    tags: ["organisations"],
    params: IdParamsSchema,
    querystring: AsOfQuerySchema,
    response: OrgDetailSchema,
  },
  listChildren: {
    method: "GET",
    path: "/api/organisations/:id/children",
    summary: "Units directly under an organisation (optionally as of a date)",
    tags: ["organisations"],
    params: IdParamsSchema,
    querystring: ChildrenQuerySchema,
    response: z.object({ items: z.array(OrgSummarySchema) }),
  },
  getOrgHistory: {
    method: "GET",
    path: "/api/organisations/:id/history",
    summary: "Versions, restructuring events and lineage of an organisation",
    tags: ["organisations"],
    params: IdParamsSchema,
    response: OrgHistorySchema,
  },
  createOrg: {
    method: "POST",
    path: "/api/organisations",
    summary: "Create an organisation",
    tags: ["organisations"],
    body: CreateOrgBodySchema,
    response: RestructureResultSchema,
    successStatus: 201,
  },
  renameOrg: {
    method: "POST",
    path: "/api/organisations/:id/rename",
    summary: "Rename an organisation from an effective date",
    tags: ["organisations"],
    params: IdParamsSchema,
    body: RenameOrgBodySchema,
    response: RestructureResultSchema,
  },
  moveOrg: {
    method: "POST",
    path: "/api/organisations/:id/move",
    summary: "Move an organisation under another parent",
    tags: ["organisations"],
    params: IdParamsSchema,
    body: MoveOrgBodySchema,
    response: RestructureResultSchema,
  },
  mergeOrgs: {
    method: "POST",
    path: "/api/organisations/merge",
    summary: "Merge organisations into a new or an existing one",
    tags: ["organisations"],
    body: MergeOrgsBodySchema,
    response: RestructureResultSchema,
  },
  splitOrg: {
    method: "POST",
    path: "/api/organisations/:id/split",
    summary: "Split an organisation into several new ones",
    tags: ["organisations"],
    params: IdParamsSchema,
    body: SplitOrgBodySchema,
    response: RestructureResultSchema,
  },
  dissolveOrg: {
    method: "POST",
    path: "/api/organisations/:id/dissolve",
    summary: "Dissolve an organisation",
    tags: ["organisations"],
    params: IdParamsSchema,
    body: DissolveOrgBodySchema,
    response: RestructureResultSchema,
  },
});
