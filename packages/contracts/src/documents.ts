// The directive register: Party documents (and the state documents they cite), their files and text,
// the references found in the text, and relations between documents.
import { z } from "zod";
import { defineRoutes, IdParamsSchema, IsoDateSchema, OkSchema, pageOf } from "./http.ts";

export const DocumentSystemSchema = z.enum(["party", "state"]);
export const DocumentStatusSchema = z.enum(["in_force", "amended", "replaced", "expired"]);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;
export const ConfidentialitySchema = z.enum(["normal", "confidential", "secret", "top_secret"]);
export type Confidentiality = z.infer<typeof ConfidentialitySchema>;
export const DocumentRelationKindSchema = z.enum(["implements", "replaces", "amends", "guides", "refers_to"]);
export type DocumentRelationKind = z.infer<typeof DocumentRelationKindSchema>;
export const DocumentTextSourceSchema = z.enum(["docx", "pdf", "txt", "manual", "none"]);
export const DocumentFileKindSchema = z.enum(["docx", "pdf", "image", "txt"]);

/** Largest attachment accepted, in bytes (a 200-page plan as PDF fits easily). */
export const DOCUMENT_FILE_MAX_BYTES = 30 * 1024 * 1024;

/** One line of the register: enough for lists, search results, pickers and relation lists. */
export const DocumentSummarySchema = z.object({
  id: z.number(),
  system: DocumentSystemSchema,
  typeId: z.number(),
  typeAbbreviation: z.string(),
  typeName: z.string(),
  /** As written ("21", "30/2020"); null when unnumbered. */
  number: z.string().nullable(),
  issuerCodes: z.array(z.string()),
  /** "21-KL/TW", "30/2020/NĐ-CP"; null when unnumbered. Shown as "Số 21-KL/TW". */
  symbol: z.string().nullable(),
  /** A named citation for unnumbered documents ("Nghị quyết Trung ương 4 (khóa XII)"). */
  citation: z.string().nullable(),
  issuedOn: IsoDateSchema.nullable(),
  subject: z.string(),
  status: DocumentStatusSchema,
  confidentiality: ConfidentialitySchema,
  isPlaceholder: z.boolean(),
  ownerOrgId: z.number(),
  ownerOrgName: z.string(),
  issuingOrgId: z.number().nullable(),
  issuingOrgName: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/**
 * A related document as the actor may see it. A document outside the actor's scope (or confidential
 * without the permission) is linked without being revealed: `document` is null and only what the
 * citing text itself says (`quote`) is shown.
 */
export const RelatedDocumentSchema = z.object({
  relationId: z.number(),
  kind: DocumentRelationKindSchema,
  origin: z.enum(["text", "manual"]),
  quote: z.string().nullable(),
  quoteStart: z.number().nullable(),
  quoteEnd: z.number().nullable(),
  document: DocumentSummarySchema.nullable(),
});
export type RelatedDocument = z.infer<typeof RelatedDocumentSchema>;

export const DocumentFileSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  kind: DocumentFileKindSchema,
  sizeBytes: z.number(),
  /** False for a scanned PDF without a text layer; null for images. */
  hasTextLayer: z.boolean().nullable(),
  pageCount: z.number().nullable(),
  createdAt: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFileSchema>;

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  termId: z.number().nullable(),
  termLabel: z.string().nullable(),
  place: z.string().nullable(),
  signer: z.string().nullable(),
  recipients: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
  textSource: DocumentTextSourceSchema.nullable(),
  /** Characters of extracted text (the text itself is fetched separately). */
  textLength: z.number(),
  files: z.array(DocumentFileSchema),
  /** Relations from this document: what it implements, replaces, amends, guides, refers to. */
  outgoing: z.array(RelatedDocumentSchema),
  /**
   * Relations to this document from documents the reader may see — what implements it, replaces it, … —
   * newest first, at most 200.
   */
  incoming: z.array(RelatedDocumentSchema),
  /** All relations to this document, the reader's and others'. */
  incomingTotal: z.number(),
  /** Of incomingTotal, those from documents the reader may not see (counted, never shown). */
  incomingHiddenCount: z.number(),
  /** Number of cascades (implementation requirements) this document sets. */
  cascadeCount: z.number(),
  version: z.number(),
  /** Whether the actor may edit this document. */
  canEdit: z.boolean(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

const OptionalText = z.string().trim().max(2000).nullable().optional();

/** Fields of a document as entered or confirmed by a person (no defaults: an edit sends only changes). */
const DocumentFieldsBaseSchema = z.object({
  typeId: z.number().int().positive(),
  /**
   * As written ("21", "05", "30/2020"). Omitted or null for a Party document issued by an
   * organisation of the tree: the next number of its type in the committee's current term is given.
   */
  number: z.string().trim().max(30).nullable().optional(),
  /** Lead issuer first. */
  issuerCodes: z.array(z.string().trim().min(1).max(20)).min(1).max(5),
  issuingOrgId: z.number().int().positive().nullable().optional(),
  termId: z.number().int().positive().nullable().optional(),
  issuedOn: IsoDateSchema,
  place: OptionalText,
  subject: z.string().trim().min(1).max(2000),
  signer: OptionalText,
  /**
   * How the document is cited by name when it is ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết
   * Đại hội XIV"), so references by name find it.
   */
  citation: z.string().trim().max(300).nullable().optional(),
  status: DocumentStatusSchema,
  confidentiality: ConfidentialitySchema,
  recipientOrgIds: z.array(z.number().int().positive()).max(5000),
});

export const DocumentFieldsSchema = DocumentFieldsBaseSchema.extend({
  status: DocumentStatusSchema.default("in_force"),
  confidentiality: ConfidentialitySchema.default("normal"),
  recipientOrgIds: DocumentFieldsBaseSchema.shape.recipientOrgIds.default([]),
});

export const CreateDocumentInputSchema = DocumentFieldsSchema.extend({
  /** The organisation that holds the record (the actor's office). */
  ownerOrgId: z.number().int().positive(),
  /** An upload (POST /api/document-uploads) whose file and text become the document's. */
  uploadId: z.string().uuid().nullable().optional(),
  /** Relations to add at once (found references the person kept, or chosen documents). */
  relations: z
    .array(
      z.object({
        kind: DocumentRelationKindSchema,
        /** An existing document, or … */
        toDocumentId: z.number().int().positive().nullable().optional(),
        /** … a reference found in the text (index into the upload's `references`). */
        referenceIndex: z.number().int().min(0).nullable().optional(),
      }),
    )
    .max(500)
    .default([]),
});
export type CreateDocumentInput = z.input<typeof CreateDocumentInputSchema>;

/** Only the fields sent change; the others keep their stored values. */
export const UpdateDocumentInputSchema = DocumentFieldsBaseSchema.partial().extend({
  version: z.number().int().positive(),
});
export type UpdateDocumentInput = z.input<typeof UpdateDocumentInputSchema>;

/** A reference found in a text, with what it resolved to. */
export const FoundReferenceSchema = z.object({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  system: DocumentSystemSchema,
  type: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  date: IsoDateSchema.nullable(),
  plenum: z.number().nullable(),
  term: z.string().nullable(),
  congress: z.string().nullable(),
  /** The registered document it matches, if any and if visible; `matched` says a match exists at all. */
  matched: z.boolean(),
  document: DocumentSummarySchema.nullable(),
  /** The relation proposed for it: "implements" when the subject says the plan carries it out. */
  proposedKind: DocumentRelationKindSchema,
});
export type FoundReference = z.infer<typeof FoundReferenceSchema>;

/** What the header of an uploaded file says, proposed for the person to confirm. */
export const ProposedHeaderSchema = z.object({
  typeId: z.number().nullable(),
  typeAbbreviation: z.string().nullable(),
  number: z.string().nullable(),
  issuerCodes: z.array(z.string()),
  place: z.string().nullable(),
  issuedOn: IsoDateSchema.nullable(),
  subject: z.string().nullable(),
  signer: z.string().nullable(),
});
export type ProposedHeader = z.infer<typeof ProposedHeaderSchema>;

/** An uploaded file read and held for a short while until it is attached to a document. */
export const DocumentUploadSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  kind: DocumentFileKindSchema,
  sizeBytes: z.number(),
  hasTextLayer: z.boolean().nullable(),
  pageCount: z.number().nullable(),
  textLength: z.number(),
  /** The first characters of the text, for the person to check the reading. */
  textPreview: z.string(),
  proposed: ProposedHeaderSchema,
  references: z.array(FoundReferenceSchema),
  /** Notes about the reading (no text layer, a header field not found, …), in the user's language. */
  notes: z.array(z.string()),
});
export type DocumentUpload = z.infer<typeof DocumentUploadSchema>;

export const DocumentTextSchema = z.object({
  text: z.string(),
  textSource: DocumentTextSourceSchema.nullable(),
  /** Every reference found in the text, with the document it links to when visible. */
  references: z.array(FoundReferenceSchema),
});

export const AddRelationInputSchema = z.object({
  kind: DocumentRelationKindSchema,
  toDocumentId: z.number().int().positive(),
});

export const DocumentGraphQuerySchema = z.object({
  /** How many relation steps from the document to draw. */
  depth: z.coerce.number().int().min(1).max(3).default(2),
});
export const DocumentGraphSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      /** Null when the node is outside the actor's scope: drawn as "văn bản không thuộc phạm vi". */
      document: DocumentSummarySchema.nullable(),
    }),
  ),
  edges: z.array(z.object({ from: z.number(), to: z.number(), kind: DocumentRelationKindSchema })),
  /** True when the graph was cut at the node limit. */
  truncated: z.boolean(),
});
export type DocumentGraph = z.infer<typeof DocumentGraphSchema>;

export const DocumentListQuerySchema = z.object({
  /** Full text without diacritics; also matches numbers ("21-KL/TW"). */
  q: z.string().trim().max(200).optional(),
  typeAbbreviation: z.string().trim().max(20).optional(),
  issuerCode: z.string().trim().max(20).optional(),
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  status: DocumentStatusSchema.optional(),
  /** Documents held by, issued by or addressed to this organisation's subtree. */
  orgId: z.coerce.number().int().positive().optional(),
  /** Only plans (KH, CTr, ĐA, …) — the picker of implementing documents. */
  // "true"/"false" in the address (z.coerce.boolean would read "false" as true).
  plansOnly: z.stringbool().optional(),
  includePlaceholders: z.stringbool().default(true),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DocumentListQuery = z.input<typeof DocumentListQuerySchema>;

export const DocumentSearchHitSchema = DocumentSummarySchema.extend({
  /** Text around the matches with each match wrapped in «…» markers (no HTML). */
  snippet: z.string().nullable(),
  rank: z.number().nullable(),
});
export const DocumentListSchema = pageOf(DocumentSearchHitSchema).extend({
  /** True when `total` is a lower bound ("more than N"). */
  totalIsLowerBound: z.boolean(),
});
export type DocumentList = z.infer<typeof DocumentListSchema>;

const Binary = z.unknown().describe("A file");

export const documentRoutes = defineRoutes({
  listDocuments: {
    method: "GET",
    path: "/api/documents",
    summary:
      "The register: documents the actor may see, filtered, or searched in full text (ranked, with snippets)",
    tags: ["documents"],
    querystring: DocumentListQuerySchema,
    response: DocumentListSchema,
  },
  uploadDocumentFile: {
    method: "POST",
    path: "/api/document-uploads",
    summary:
      "Upload a .docx, .pdf, .txt or image (multipart, one part named `file`): the text is read, the header proposed and references found",
    tags: ["documents"],
    response: DocumentUploadSchema,
    successStatus: 201,
  },
  createDocument: {
    method: "POST",
    path: "/api/documents",
    summary: "Register a document (optionally with an upload's file and text, and relations)",
    tags: ["documents"],
    body: CreateDocumentInputSchema,
    response: DocumentDetailSchema,
    successStatus: 201,
  },
  getDocument: {
    method: "GET",
    path: "/api/documents/:id",
    summary: "One document with its files, recipients and relations both ways",
    tags: ["documents"],
    params: IdParamsSchema,
    response: DocumentDetailSchema,
  },
  updateDocument: {
    method: "PATCH",
    path: "/api/documents/:id",
    summary: "Edit a document (optimistic concurrency); completing a placeholder makes it a full entry",
    tags: ["documents"],
    params: IdParamsSchema,
    body: UpdateDocumentInputSchema,
    response: DocumentDetailSchema,
  },
  getDocumentText: {
    method: "GET",
    path: "/api/documents/:id/text",
    summary: "The document's extracted text and the references found in it",
    tags: ["documents"],
    params: IdParamsSchema,
    response: DocumentTextSchema,
  },
  attachDocumentFile: {
    method: "POST",
    path: "/api/documents/:id/files",
    summary:
      "Attach an upload to a document. The document keeps its text (a document without text takes the file's) and its relations; with replaceText the file's text replaces it and the references it cites are linked again (relations of other kinds than refers_to stay)",
    tags: ["documents"],
    params: IdParamsSchema,
    body: z.object({
      uploadId: z.string().uuid(),
      version: z.number().int().positive(),
      /** The file is the document's main text (not an annex): its text replaces the document's. */
      replaceText: z.boolean().default(false),
    }),
    response: DocumentDetailSchema,
    successStatus: 201,
  },
  downloadDocumentFile: {
    method: "GET",
    path: "/api/documents/:id/files/:fileId",
    summary: "Download an attachment",
    tags: ["documents"],
    params: z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() }),
    response: Binary,
  },
  addDocumentRelation: {
    method: "POST",
    path: "/api/documents/:id/relations",
    summary: "Relate this document to another (implements, replaces, amends, guides, refers to)",
    tags: ["documents"],
    params: IdParamsSchema,
    body: AddRelationInputSchema,
    response: DocumentDetailSchema,
    successStatus: 201,
  },
  removeDocumentRelation: {
    method: "DELETE",
    path: "/api/documents/:id/relations/:relationId",
    summary: "Remove a relation from this document",
    tags: ["documents"],
    params: z.object({
      id: z.coerce.number().int().positive(),
      relationId: z.coerce.number().int().positive(),
    }),
    response: OkSchema,
  },
  getDocumentGraph: {
    method: "GET",
    path: "/api/documents/:id/graph",
    summary: "The documents related to this one, a few steps both ways, as nodes and edges",
    tags: ["documents"],
    params: IdParamsSchema,
    querystring: DocumentGraphQuerySchema,
    response: DocumentGraphSchema,
  },
});
