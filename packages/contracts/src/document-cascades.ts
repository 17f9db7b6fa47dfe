// Cascades (a document requires subordinate organisations to issue an implementing document by a
// deadline), their coverage (who has issued theirs, on time or late, who has not and for how long),
// reminders to those missing, and the coverage table as a workbook.
import { z } from "zod";
import { DocumentSummarySchema } from "./documents.ts";
import { defineRoutes, IdParamsSchema, IsoDateSchema, OkSchema, pageOf } from "./http.ts";

/** Most organisations one cascade may name or expand to (a province has ~3,400 committees). */
export const CASCADE_TARGET_LIMIT = 20_000;

/**
 * Who must issue an implementing document: named organisations, or every active organisation of the
 * given types strictly under a root (e.g. every "dang_uy_xa" under a Tỉnh ủy). The selection is
 * expanded into targets once, when the cascade is created.
 */
export const CascadeSelectionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("orgs"),
    orgIds: z.array(z.number().int().positive()).min(1).max(CASCADE_TARGET_LIMIT),
  }),
  z.object({
    kind: z.literal("types"),
    rootOrgId: z.number().int().positive(),
    typeCodes: z.array(z.string().trim().min(1).max(50)).min(1).max(50),
  }),
]);
export type CascadeSelection = z.infer<typeof CascadeSelectionSchema>;

/** on_time: issued by the deadline; late: issued after it; missing: not issued (yet). */
export const CoverageStatusSchema = z.enum(["on_time", "late", "missing"]);
export type CoverageStatus = z.infer<typeof CoverageStatusSchema>;

/** Counts over a set of targets. `overdue` counts the missing ones whose deadline has passed. */
export const CoverageTotalsSchema = z.object({
  targets: z.number(),
  issued: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  overdue: z.number(),
});
export type CoverageTotals = z.infer<typeof CoverageTotalsSchema>;

export const DocumentCascadeSchema = z.object({
  id: z.number(),
  documentId: z.number(),
  deadline: IsoDateSchema,
  /** The selection as set; null for a reader who may not manage the holder (it names every target). */
  selection: CascadeSelectionSchema.nullable(),
  /**
   * How the selection reads: the root's name and the type names, or the organisations named (to a
   * reader who may not manage the holder, only those within the reader's scope; the rest counted).
   */
  selectionLabel: z.string(),
  note: z.string().nullable(),
  /** Totals over the targets the actor may see (all of them for the document's own office). */
  totals: CoverageTotalsSchema,
  version: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Whether the actor may change or delete the cascade and send reminders. */
  canManage: z.boolean(),
});
export type DocumentCascade = z.infer<typeof DocumentCascadeSchema>;

export const CreateCascadeInputSchema = z.object({
  deadline: IsoDateSchema,
  selection: CascadeSelectionSchema,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type CreateCascadeInput = z.input<typeof CreateCascadeInputSchema>;

/** The targets stay as created; the deadline and the note can change. */
export const UpdateCascadeInputSchema = z.object({
  version: z.number().int().positive(),
  deadline: IsoDateSchema.optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type UpdateCascadeInput = z.input<typeof UpdateCascadeInputSchema>;

/** A selection checked and counted before the cascade is created (nothing is written). */
export const CascadePreviewInputSchema = z.object({ selection: CascadeSelectionSchema });
export type CascadePreviewInput = z.input<typeof CascadePreviewInputSchema>;

export const CascadePreviewSchema = z.object({
  /** How many organisations the selection addresses now (0 when a type selection finds none). */
  targets: z.number(),
  /** How the selection will read on the cascade. */
  selectionLabel: z.string(),
});
export type CascadePreview = z.infer<typeof CascadePreviewSchema>;

export const DeleteCascadeQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const CoverageQuerySchema = z.object({
  /**
   * The node drilled into: totals for it, one group per child organisation that holds targets, and the
   * targets under it. Default: the document's holding organisation, or the actor's own subtree when
   * the document comes from above it.
   */
  orgId: z.coerce.number().int().positive().optional(),
  status: CoverageStatusSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CoverageQuery = z.input<typeof CoverageQuerySchema>;

export const CoverageExportQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  status: CoverageStatusSchema.optional(),
});
export type CoverageExportQuery = z.input<typeof CoverageExportQuerySchema>;

/** A child organisation of the drilled node that holds targets (itself or beneath it). */
export const CoverageGroupSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgTypeCode: z.string(),
  /** The child itself is a target. */
  isTarget: z.boolean(),
  /** Targets lie beneath the child: it can be drilled into. */
  hasTargetsBelow: z.boolean(),
  totals: CoverageTotalsSchema,
});
export type CoverageGroup = z.infer<typeof CoverageGroupSchema>;

/** The implementing document of a target that has issued one. */
export const CoverageImplementationSchema = z.object({
  /** Null with `document` when the document is outside the actor's scope (or when it has no date). */
  issuedOn: IsoDateSchema.nullable(),
  /** Null when the implementing document is outside the actor's scope: shown only as "đã ban hành". */
  document: DocumentSummarySchema.nullable(),
});

export const CoverageTargetSchema = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgTypeCode: z.string(),
  /** Still active (not merged, split or dissolved since the cascade was created). */
  orgActive: z.boolean(),
  /** Names of the organisations between the drilled node and the target (node first, target excluded). */
  pathNames: z.array(z.string()),
  status: CoverageStatusSchema,
  implementation: CoverageImplementationSchema.nullable(),
  /** Days after the deadline the implementing document was issued (late only). */
  daysLate: z.number().nullable(),
  /** Days since the deadline passed without an implementing document (missing only). */
  daysOverdue: z.number().nullable(),
  lastRemindedAt: z.string().nullable(),
});
export type CoverageTarget = z.infer<typeof CoverageTargetSchema>;

export const CascadeCoverageSchema = z.object({
  cascade: DocumentCascadeSchema,
  document: DocumentSummarySchema,
  /** "Today" in Vietnam, the day overdue counts are reckoned from. */
  today: IsoDateSchema,
  node: z.object({
    orgId: z.number(),
    orgName: z.string(),
    /** From the top of the actor's view down to the node's parent: the drill-down breadcrumb. */
    ancestors: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
    /** The node itself is a target (counted in `totals`, not in any group). */
    isTarget: z.boolean(),
  }),
  totals: CoverageTotalsSchema,
  groups: z.array(CoverageGroupSchema),
  /** Targets under the node (the node itself included), missing first, then late, then on time. */
  targets: pageOf(CoverageTargetSchema),
});
export type CascadeCoverage = z.infer<typeof CascadeCoverageSchema>;

export const SendRemindersInputSchema = z.object({
  /** The drilled node: remind the missing targets under it. Default: every missing target visible. */
  orgId: z.number().int().positive().optional(),
  /** Only these targets (each must be a missing target under the node). */
  orgIds: z.array(z.number().int().positive()).min(1).max(CASCADE_TARGET_LIMIT).optional(),
});
export type SendRemindersInput = z.input<typeof SendRemindersInputSchema>;

export const SendRemindersResultSchema = z.object({
  /** Reminders sent now. */
  sent: z.number(),
  /** Targets already reminded today about this cascade (one reminder a day). */
  alreadyRemindedToday: z.number(),
});
export type SendRemindersResult = z.infer<typeof SendRemindersResultSchema>;

const Binary = z.unknown().describe("A file");

export const documentCascadeRoutes = defineRoutes({
  listDocumentCascades: {
    method: "GET",
    path: "/api/documents/:id/cascades",
    summary: "The cascades a document sets, each with its coverage totals",
    tags: ["documents"],
    params: IdParamsSchema,
    response: z.object({ items: z.array(DocumentCascadeSchema) }),
  },
  createDocumentCascade: {
    method: "POST",
    path: "/api/documents/:id/cascades",
    summary:
      "Require named subordinate organisations, or every organisation of some types in a subtree, to issue an implementing document by a deadline",
    tags: ["documents"],
    params: IdParamsSchema,
    body: CreateCascadeInputSchema,
    response: DocumentCascadeSchema,
    successStatus: 201,
  },
  previewDocumentCascade: {
    method: "POST",
    path: "/api/documents/:id/cascades/preview",
    summary:
      "How many organisations a selection would require to implement this document (nothing is written)",
    tags: ["documents"],
    params: IdParamsSchema,
    body: CascadePreviewInputSchema,
    response: CascadePreviewSchema,
  },
  updateDocumentCascade: {
    method: "PATCH",
    path: "/api/document-cascades/:id",
    summary: "Change a cascade's deadline or note (optimistic concurrency)",
    tags: ["documents"],
    params: IdParamsSchema,
    body: UpdateCascadeInputSchema,
    response: DocumentCascadeSchema,
  },
  deleteDocumentCascade: {
    method: "DELETE",
    path: "/api/document-cascades/:id",
    summary: "Delete a cascade and its targets (optimistic concurrency: ?version=)",
    tags: ["documents"],
    params: IdParamsSchema,
    querystring: DeleteCascadeQuerySchema,
    response: OkSchema,
  },
  getCascadeCoverage: {
    method: "GET",
    path: "/api/document-cascades/:id/coverage",
    summary:
      "Coverage of a cascade at one node of the tree: totals, one group per child holding targets, and the targets (paged)",
    tags: ["documents"],
    params: IdParamsSchema,
    querystring: CoverageQuerySchema,
    response: CascadeCoverageSchema,
  },
  sendCascadeReminders: {
    method: "POST",
    path: "/api/document-cascades/:id/reminders",
    summary: "Remind the targets that have not issued their implementing document (once a day each)",
    tags: ["documents"],
    params: IdParamsSchema,
    body: SendRemindersInputSchema,
    response: SendRemindersResultSchema,
  },
  exportCascadeCoverage: {
    method: "GET",
    path: "/api/document-cascades/:id/coverage/export",
    summary: "The coverage table under a node as an .xlsx workbook (one row per target)",
    tags: ["documents"],
    params: IdParamsSchema,
    querystring: CoverageExportQuerySchema,
    response: Binary,
  },
});
