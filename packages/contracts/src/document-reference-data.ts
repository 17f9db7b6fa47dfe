// Reference data of the directive register: document types, issuer codes and committee terms. Types and
// issuers hold for the whole installation (editable by an administrator of a root); terms belong to an
// organisation of the tree or to an issuer outside it (the Central Committee, "TW").
import { z } from "zod";
import { DocumentSystemSchema } from "./documents.ts";
import { defineRoutes, IdParamsSchema, IsoDateSchema } from "./http.ts";

/** A type or issuer code as it appears in a number: a capital (Đ included), then letters ("TTr", "ThU"). */
const CodeSchema = z
  .string()
  .trim()
  .regex(/^[A-ZĐ][A-Za-zĐđ]{0,11}$/, "Mã gồm chữ cái, bắt đầu bằng chữ in hoa, tối đa 12 ký tự");
const NameSchema = z.string().trim().min(1).max(200);
const SortOrderSchema = z.number().int().min(0).max(1_000_000);

export const DocumentTypeSchema = z.object({
  id: z.number(),
  system: DocumentSystemSchema,
  abbreviation: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  /** Plans that make a directive concrete (KH, CTr, ĐA): offered first as implementing documents. */
  isPlan: z.boolean(),
  /** Recognised in old documents, no longer issued ("QĐi"). */
  legacy: z.boolean(),
  sortOrder: z.number(),
});
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** What may change on a type; its system and abbreviation are fixed once created (numbers use them). */
export const UpdateDocumentTypeInputSchema = z.object({
  nameVi: NameSchema.optional(),
  nameEn: z.string().trim().max(200).optional(),
  isPlan: z.boolean().optional(),
  legacy: z.boolean().optional(),
  sortOrder: SortOrderSchema.optional(),
});
export type UpdateDocumentTypeInput = z.infer<typeof UpdateDocumentTypeInputSchema>;

export const CreateDocumentTypeInputSchema = z.object({
  system: DocumentSystemSchema,
  abbreviation: CodeSchema,
  nameVi: NameSchema,
  nameEn: z.string().trim().max(200).default(""),
  isPlan: z.boolean().default(false),
  legacy: z.boolean().default(false),
  sortOrder: SortOrderSchema.default(1000),
});
export type CreateDocumentTypeInput = z.input<typeof CreateDocumentTypeInputSchema>;

export const IssuerLevelSchema = z.enum(["central", "province", "district", "grassroots", "state"]);
export type IssuerLevel = z.infer<typeof IssuerLevelSchema>;

export const DocumentIssuerSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  /** "state" for government bodies cited by Party documents (CP, UBND); the other levels are Party bodies. */
  level: IssuerLevelSchema,
  legacy: z.boolean(),
  sortOrder: z.number(),
});
export type DocumentIssuer = z.infer<typeof DocumentIssuerSchema>;

export const UpdateDocumentIssuerInputSchema = z.object({
  nameVi: NameSchema.optional(),
  nameEn: z.string().trim().max(200).optional(),
  level: IssuerLevelSchema.optional(),
  legacy: z.boolean().optional(),
  sortOrder: SortOrderSchema.optional(),
});
export type UpdateDocumentIssuerInput = z.infer<typeof UpdateDocumentIssuerInputSchema>;

export const CreateDocumentIssuerInputSchema = z.object({
  code: CodeSchema,
  nameVi: NameSchema,
  nameEn: z.string().trim().max(200).default(""),
  level: IssuerLevelSchema,
  legacy: z.boolean().default(false),
  sortOrder: SortOrderSchema.default(1000),
});
export type CreateDocumentIssuerInput = z.input<typeof CreateDocumentIssuerInputSchema>;

export const IssuerCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(20) });

export const CommitteeTermSchema = z.object({
  id: z.number(),
  /** The organisation of the tree whose term this is, or … */
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  /** … the issuer outside the tree ("TW"). */
  issuerCode: z.string().nullable(),
  /** "Khóa XIII", "Nhiệm kỳ 2025–2030". */
  label: z.string(),
  startsOn: IsoDateSchema,
  /** Null while the term runs. */
  endsOn: IsoDateSchema.nullable(),
});
export type CommitteeTerm = z.infer<typeof CommitteeTermSchema>;

const TermDatesSchema = z.object({
  label: z.string().trim().min(1).max(200),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema.nullable().optional(),
});

function endsAfterStart(value: { startsOn: string; endsOn?: string | null | undefined }): boolean {
  return value.endsOn === undefined || value.endsOn === null || value.endsOn >= value.startsOn;
}
const ENDS_BEFORE_START = {
  message: "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu",
  path: ["endsOn"],
};

export const CreateCommitteeTermInputSchema = TermDatesSchema.extend({
  orgId: z.number().int().positive().nullable().optional(),
  issuerCode: z.string().trim().min(1).max(20).nullable().optional(),
})
  .refine((value) => (value.orgId == null) !== (value.issuerCode == null), {
    message: "Chọn đúng một: tổ chức (orgId) hoặc mã cơ quan ban hành (issuerCode)",
    path: ["orgId"],
  })
  .refine(endsAfterStart, ENDS_BEFORE_START);
export type CreateCommitteeTermInput = z.input<typeof CreateCommitteeTermInputSchema>;

/** The owner of a term never changes; its label and dates do. */
export const UpdateCommitteeTermInputSchema = TermDatesSchema.refine(endsAfterStart, ENDS_BEFORE_START);
export type UpdateCommitteeTermInput = z.input<typeof UpdateCommitteeTermInputSchema>;

export const CommitteeTermListQuerySchema = z
  .object({
    orgId: z.coerce.number().int().positive().optional(),
    issuerCode: z.string().trim().min(1).max(20).optional(),
  })
  .refine((value) => (value.orgId === undefined) !== (value.issuerCode === undefined), {
    message: "Chọn đúng một: orgId hoặc issuerCode",
    path: ["orgId"],
  });
export type CommitteeTermListQuery = z.infer<typeof CommitteeTermListQuerySchema>;

export const documentReferenceDataRoutes = defineRoutes({
  listDocumentTypes: {
    method: "GET",
    path: "/api/document-types",
    summary: "Document types (Party and state) with their abbreviations",
    tags: ["documents"],
    response: z.object({ items: z.array(DocumentTypeSchema) }),
  },
  createDocumentType: {
    method: "POST",
    path: "/api/document-types",
    summary: "Add a document type (administrator of a root organisation)",
    tags: ["documents"],
    body: CreateDocumentTypeInputSchema,
    response: DocumentTypeSchema,
    successStatus: 201,
  },
  updateDocumentType: {
    method: "PATCH",
    path: "/api/document-types/:id",
    summary: "Edit a document type's names, plan flag, legacy flag or order",
    tags: ["documents"],
    params: IdParamsSchema,
    body: UpdateDocumentTypeInputSchema,
    response: DocumentTypeSchema,
  },
  listDocumentIssuers: {
    method: "GET",
    path: "/api/document-issuers",
    summary: "Issuer codes (TW, TU, ĐU, … and state bodies such as CP, UBND)",
    tags: ["documents"],
    response: z.object({ items: z.array(DocumentIssuerSchema) }),
  },
  createDocumentIssuer: {
    method: "POST",
    path: "/api/document-issuers",
    summary: "Add an issuer code (administrator of a root organisation)",
    tags: ["documents"],
    body: CreateDocumentIssuerInputSchema,
    response: DocumentIssuerSchema,
    successStatus: 201,
  },
  updateDocumentIssuer: {
    method: "PATCH",
    path: "/api/document-issuers/:code",
    summary: "Edit an issuer code's names, level, legacy flag or order",
    tags: ["documents"],
    params: IssuerCodeParamsSchema,
    body: UpdateDocumentIssuerInputSchema,
    response: DocumentIssuerSchema,
  },
  listCommitteeTerms: {
    method: "GET",
    path: "/api/committee-terms",
    summary: "Committee terms (nhiệm kỳ) of an organisation, or of an issuer outside the tree",
    tags: ["documents"],
    querystring: CommitteeTermListQuerySchema,
    response: z.object({ items: z.array(CommitteeTermSchema) }),
  },
  createCommitteeTerm: {
    method: "POST",
    path: "/api/committee-terms",
    summary: "Add a committee term (terms of one owner never overlap)",
    tags: ["documents"],
    body: CreateCommitteeTermInputSchema,
    response: CommitteeTermSchema,
    successStatus: 201,
  },
  updateCommitteeTerm: {
    method: "PATCH",
    path: "/api/committee-terms/:id",
    summary: "Edit a committee term's label or dates",
    tags: ["documents"],
    params: IdParamsSchema,
    body: UpdateCommitteeTermInputSchema,
    response: CommitteeTermSchema,
  },
});
