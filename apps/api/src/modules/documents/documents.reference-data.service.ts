// Reference data of the register: document types and issuer codes (installation-wide, changed by an
// administrator of a root) and committee terms (of an organisation, changed by whoever manages its
// documents; of an issuer outside the tree, by an administrator of a root). Each change is one
// transaction with its audit row. documentTables() gives the domain's parser and reference extractor
// the tables as the database holds them now.
import type {
  CommitteeTerm,
  CommitteeTermListQuery,
  CreateCommitteeTermInput,
  CreateDocumentIssuerInput,
  CreateDocumentTypeInput,
  DocumentIssuer,
  DocumentType,
  UpdateCommitteeTermInput,
  UpdateDocumentIssuerInput,
  UpdateDocumentTypeInput,
} from "@namro/contracts";
import { type DocumentTables, formatDateVi, type IssuerLevel } from "@namro/domain";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import {
  mayManageDocumentReferenceData,
  mayManageDocumentsIn,
  mayReadDocumentsIn,
} from "./documents.policy.ts";
import * as refRepo from "./documents.reference-data.repository.ts";
import { type Executor, findOrgs } from "./documents.repository.ts";

const PG_UNIQUE_VIOLATION = "23505";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === PG_UNIQUE_VIOLATION;
}

function presentTerm(row: refRepo.CommitteeTermRow): CommitteeTerm {
  return { ...row };
}

export class DocumentReferenceDataService {
  readonly #deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** The types and issuers as the parser and the reference extractor take them. */
  async documentTables(executor: Executor = this.#deps.db): Promise<DocumentTables> {
    const [types, issuers] = await Promise.all([
      refRepo.listDocumentTypes(executor),
      refRepo.listDocumentIssuers(executor),
    ]);
    const typeEntry = (row: refRepo.DocumentTypeRow) => ({
      abbreviation: row.abbreviation,
      name: row.nameVi,
      ...(row.legacy ? { legacy: true } : {}),
    });
    return {
      partyTypes: types.filter((t) => t.system === "party").map(typeEntry),
      stateTypes: types.filter((t) => t.system === "state").map(typeEntry),
      partyIssuers: issuers.flatMap((row) =>
        row.level === "state"
          ? []
          : [
              {
                code: row.code,
                name: row.nameVi,
                level: row.level as IssuerLevel,
                ...(row.legacy ? { legacy: true } : {}),
              },
            ],
      ),
    };
  }

  // ---- document types ------------------------------------------------------------------------

  async listTypes(): Promise<DocumentType[]> {
    return refRepo.listDocumentTypes(this.#deps.db);
  }

  async createType(actor: Actor, input: CreateDocumentTypeInput, audit: AuditContext): Promise<DocumentType> {
    requireReferenceDataManager(actor);
    const values = {
      system: input.system,
      abbreviation: input.abbreviation.normalize("NFC"),
      nameVi: input.nameVi.normalize("NFC"),
      nameEn: (input.nameEn ?? "").normalize("NFC"),
      isPlan: input.isPlan ?? false,
      legacy: input.legacy ?? false,
      sortOrder: input.sortOrder ?? 1000,
    };
    const taken = () =>
      new AppError("DOCUMENT_TYPE_TAKEN", {
        issues: [{ path: "body.nameVi", message: "DOCUMENT_TYPE_TAKEN" }],
      });
    try {
      return await this.#deps.db.transaction().execute(async (trx) => {
        if (await refRepo.typeNameTaken(trx, values.system, values.abbreviation, values.nameVi, null))
          throw taken();
        const row = await refRepo.insertDocumentType(trx, values);
        await recordAudit(
          trx,
          audit,
          {
            action: "document_type.create",
            entityType: "document_type",
            entityId: row.id,
            orgId: null,
            after: row,
          },
          this.#deps.clock.now(),
        );
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  async updateType(
    actor: Actor,
    id: number,
    input: UpdateDocumentTypeInput,
    audit: AuditContext,
  ): Promise<DocumentType> {
    requireReferenceDataManager(actor);
    return this.#deps.db.transaction().execute(async (trx) => {
      const before = await refRepo.lockDocumentType(trx, id);
      if (!before) throw new AppError("DOCUMENT_TYPE_NOT_FOUND");
      const changes = {
        ...(input.nameVi === undefined ? {} : { nameVi: input.nameVi.normalize("NFC") }),
        ...(input.nameEn === undefined ? {} : { nameEn: input.nameEn.normalize("NFC") }),
        ...(input.isPlan === undefined ? {} : { isPlan: input.isPlan }),
        ...(input.legacy === undefined ? {} : { legacy: input.legacy }),
        ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
      };
      if (Object.keys(changes).length === 0) return before;
      if (
        changes.nameVi !== undefined &&
        (await refRepo.typeNameTaken(trx, before.system, before.abbreviation, changes.nameVi, id))
      ) {
        throw new AppError("DOCUMENT_TYPE_TAKEN", {
          issues: [{ path: "body.nameVi", message: "DOCUMENT_TYPE_TAKEN" }],
        });
      }
      const after = await refRepo.updateDocumentType(trx, id, changes);
      await recordAudit(
        trx,
        audit,
        {
          action: "document_type.update",
          entityType: "document_type",
          entityId: id,
          orgId: null,
          before,
          after,
        },
        this.#deps.clock.now(),
      );
      return after;
    });
  }

  // ---- issuer codes --------------------------------------------------------------------------

  async listIssuers(): Promise<DocumentIssuer[]> {
    return refRepo.listDocumentIssuers(this.#deps.db);
  }

  async createIssuer(
    actor: Actor,
    input: CreateDocumentIssuerInput,
    audit: AuditContext,
  ): Promise<DocumentIssuer> {
    requireReferenceDataManager(actor);
    const values = {
      code: input.code.normalize("NFC"),
      nameVi: input.nameVi.normalize("NFC"),
      nameEn: (input.nameEn ?? "").normalize("NFC"),
      level: input.level,
      legacy: input.legacy ?? false,
      sortOrder: input.sortOrder ?? 1000,
    };
    const taken = () =>
      new AppError("DOCUMENT_ISSUER_TAKEN", {
        issues: [{ path: "body.code", message: "DOCUMENT_ISSUER_TAKEN" }],
      });
    try {
      return await this.#deps.db.transaction().execute(async (trx) => {
        if (await refRepo.findDocumentIssuer(trx, values.code)) throw taken();
        const row = await refRepo.insertDocumentIssuer(trx, values);
        await recordAudit(
          trx,
          audit,
          {
            action: "document_issuer.create",
            entityType: "document_issuer",
            entityId: row.code,
            orgId: null,
            after: row,
          },
          this.#deps.clock.now(),
        );
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  async updateIssuer(
    actor: Actor,
    code: string,
    input: UpdateDocumentIssuerInput,
    audit: AuditContext,
  ): Promise<DocumentIssuer> {
    requireReferenceDataManager(actor);
    return this.#deps.db.transaction().execute(async (trx) => {
      const before = await refRepo.findDocumentIssuer(trx, code.normalize("NFC"), true);
      if (!before) throw new AppError("DOCUMENT_ISSUER_NOT_FOUND");
      const changes = {
        ...(input.nameVi === undefined ? {} : { nameVi: input.nameVi.normalize("NFC") }),
        ...(input.nameEn === undefined ? {} : { nameEn: input.nameEn.normalize("NFC") }),
        ...(input.level === undefined ? {} : { level: input.level }),
        ...(input.legacy === undefined ? {} : { legacy: input.legacy }),
        ...(input.sortOrder === undefined ? {} : { sortOrder: input.sortOrder }),
      };
      if (Object.keys(changes).length === 0) return before;
      const after = await refRepo.updateDocumentIssuer(trx, before.code, changes);
      await recordAudit(
        trx,
        audit,
        {
          action: "document_issuer.update",
          entityType: "document_issuer",
          entityId: before.code,
          orgId: null,
          before,
          after,
        },
        this.#deps.clock.now(),
      );
      return after;
    });
  }

  // ---- committee terms -----------------------------------------------------------------------

  /** Terms of an organisation the actor may read documents of (else ORG_NOT_FOUND), or of an issuer. */
  async listTerms(actor: Actor, query: CommitteeTermListQuery): Promise<CommitteeTerm[]> {
    if (query.orgId !== undefined) {
      const [org] = await findOrgs(this.#deps.db, [query.orgId]);
      if (!org || !mayReadDocumentsIn(actor, org.path)) throw new AppError("ORG_NOT_FOUND");
      return (await refRepo.listTerms(this.#deps.db, { orgId: org.id })).map(presentTerm);
    }
    const issuerCode = (query.issuerCode ?? "").normalize("NFC");
    return (await refRepo.listTerms(this.#deps.db, { issuerCode })).map(presentTerm);
  }

  async createTerm(
    actor: Actor,
    input: CreateCommitteeTermInput,
    audit: AuditContext,
  ): Promise<CommitteeTerm> {
    const values = {
      label: input.label.normalize("NFC"),
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    };
    return this.#deps.db.transaction().execute(async (trx) => {
      const owner = await this.#requireTermOwner(trx, actor, input);
      await refRepo.lockTermsOf(trx, owner);
      await requireNoOverlap(trx, owner, values.startsOn, values.endsOn, null);
      const id = await refRepo.insertTerm(trx, {
        orgId: "orgId" in owner ? owner.orgId : null,
        issuerCode: "issuerCode" in owner ? owner.issuerCode : null,
        ...values,
      });
      const row = await refRepo.findTerm(trx, id);
      if (!row) throw new Error(`committee term ${id} vanished`);
      await recordAudit(
        trx,
        audit,
        {
          action: "committee_term.create",
          entityType: "committee_term",
          entityId: id,
          orgId: row.orgId,
          after: row,
        },
        this.#deps.clock.now(),
      );
      return presentTerm(row);
    });
  }

  async updateTerm(
    actor: Actor,
    id: number,
    input: UpdateCommitteeTermInput,
    audit: AuditContext,
  ): Promise<CommitteeTerm> {
    const values = {
      label: input.label.normalize("NFC"),
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
    };
    return this.#deps.db.transaction().execute(async (trx) => {
      const before = await refRepo.findTerm(trx, id);
      if (!before) throw new AppError("COMMITTEE_TERM_NOT_FOUND");
      let owner: refRepo.TermOwner;
      try {
        owner = await this.#requireTermOwner(trx, actor, before);
      } catch (error) {
        // A term the actor may not change does not exist for them.
        if (error instanceof AppError) throw new AppError("COMMITTEE_TERM_NOT_FOUND");
        throw error;
      }
      await refRepo.lockTermsOf(trx, owner);
      await requireNoOverlap(trx, owner, values.startsOn, values.endsOn, id);
      await requireDocumentsStayInside(trx, actor, id, values.startsOn, values.endsOn);
      await refRepo.updateTerm(trx, id, values);
      const after = await refRepo.findTerm(trx, id);
      if (!after) throw new Error(`committee term ${id} vanished`);
      await recordAudit(
        trx,
        audit,
        {
          action: "committee_term.update",
          entityType: "committee_term",
          entityId: id,
          orgId: after.orgId,
          before,
          after,
        },
        this.#deps.clock.now(),
      );
      return presentTerm(after);
    });
  }

  /** The owner of a term the actor may change: their organisation, or an issuer (root administrators). */
  async #requireTermOwner(
    executor: Executor,
    actor: Actor,
    owner: { orgId?: number | null | undefined; issuerCode?: string | null | undefined },
  ): Promise<refRepo.TermOwner> {
    if (owner.orgId !== null && owner.orgId !== undefined) {
      const [org] = await findOrgs(executor, [owner.orgId]);
      if (!org || !mayManageDocumentsIn(actor, org.path)) throw new AppError("ORG_NOT_FOUND");
      return { orgId: org.id };
    }
    if (!mayManageDocumentReferenceData(actor)) throw new AppError("NOT_FOUND");
    const code = (owner.issuerCode ?? "").normalize("NFC");
    if (!(await refRepo.findDocumentIssuer(executor, code))) {
      throw new AppError("DOCUMENT_ISSUER_UNKNOWN", {
        issues: [{ path: "body.issuerCode", message: "DOCUMENT_ISSUER_UNKNOWN" }],
      });
    }
    return { issuerCode: code };
  }
}

function requireReferenceDataManager(actor: Actor): void {
  // Outside a root administrator's reach the routes do not exist.
  if (!mayManageDocumentReferenceData(actor)) throw new AppError("NOT_FOUND");
}

async function requireNoOverlap(
  executor: Executor,
  owner: refRepo.TermOwner,
  startsOn: string,
  endsOn: string | null,
  exceptId: number | null,
): Promise<void> {
  const other = await refRepo.findOverlappingTerm(executor, owner, startsOn, endsOn, exceptId);
  if (other) {
    throw new AppError("COMMITTEE_TERM_OVERLAP", {
      issues: [
        {
          path: "body.startsOn",
          message: `${other.label}: ${formatDateVi(other.startsOn)} – ${other.endsOn === null ? "…" : formatDateVi(other.endsOn)}`,
        },
      ],
    });
  }
}

/** A term's new dates must still contain every document numbered in it (its number belongs to the term). */
async function requireDocumentsStayInside(
  executor: Executor,
  actor: Actor,
  termId: number,
  startsOn: string,
  endsOn: string | null,
): Promise<void> {
  const outside = await refRepo.countTermDocumentsOutside(executor, termId, startsOn, endsOn);
  const issues = (
    [
      ["body.startsOn", outside.before],
      ["body.endsOn", outside.after],
    ] as const
  ).flatMap(([path, count]) =>
    count === 0
      ? []
      : [
          {
            path,
            message:
              actor.locale === "en"
                ? `${count} document(s) numbered in this term would fall outside it`
                : `${count} văn bản đã đánh số trong nhiệm kỳ sẽ nằm ngoài thời gian này`,
          },
        ],
  );
  if (issues.length > 0) throw new AppError("COMMITTEE_TERM_HAS_DOCUMENTS", { issues });
}
