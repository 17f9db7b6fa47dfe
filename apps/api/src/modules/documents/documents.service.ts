// Use cases of the register's records: register a document (with an upload's file and text, the
// references kept as relations), read one, edit one (optimistic concurrency; completing a placeholder),
// read its text with the references found, relations and the graph. Every write is one transaction with
// its audit rows; every read goes through the one visibility rule.
import type {
  CreateDocumentInput,
  DocumentDetail,
  DocumentGraph,
  DocumentRelationKind,
  FoundReference,
  UpdateDocumentInput,
} from "@namro/contracts";
import { type DocumentReference, extractReferences, todayInVietnam } from "@namro/domain";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { buildDocumentDetail, requireEditableRecord, requireVisibleRecord } from "./documents.detail.ts";
import {
  type DocumentFieldValues,
  documentNumberKey,
  type ResolvedColumns,
  resolveDocumentColumns,
} from "./documents.fields.ts";
import { mayManageDocumentsIn } from "./documents.policy.ts";
import { documentAuditSnapshot } from "./documents.presenter.ts";
import type { DocumentReferenceDataService } from "./documents.reference-data.service.ts";
import { type ChosenReference, linkReferences, matchReferences } from "./documents.references.ts";
import { addDocumentRelation, documentGraph, removeDocumentRelation } from "./documents.relations.ts";
import * as repo from "./documents.repository.ts";
import { refreshSearchVector } from "./documents.search.repository.ts";
import { type DocumentUploadsService, fileColumnsOf, type TakenUpload } from "./documents.uploads.service.ts";
import { documentScopeOf } from "./documents.visibility.ts";

/** A file's reading failure as the register's error, for other modules reading documents (namro check-plan). */
export { documentFileError } from "./documents.uploads.service.ts";

type Trx = Transaction<Database>;
type CreateInput = Omit<
  CreateDocumentInput,
  "status" | "confidentiality" | "recipientOrgIds" | "relations"
> & {
  status: NonNullable<CreateDocumentInput["status"]>;
  confidentiality: NonNullable<CreateDocumentInput["confidentiality"]>;
  recipientOrgIds: number[];
  relations: NonNullable<CreateDocumentInput["relations"]>;
};

/** Relations asked for on registration: references found in the upload's text, and chosen documents. */
interface ChosenRelations {
  references: ChosenReference[];
  documents: { toDocumentId: number; kind: DocumentRelationKind }[];
}

const PG_UNIQUE_VIOLATION = "23505";

function numberTakenError(path: "body.number" | "body.citation" = "body.number"): AppError {
  return new AppError("DOCUMENT_NUMBER_TAKEN", { issues: [{ path, message: "DOCUMENT_NUMBER_TAKEN" }] });
}

/** A duplicate number or citation that slipped past the check (registered at the same moment). */
function duplicateKeyError(error: unknown): AppError | null {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code !== PG_UNIQUE_VIOLATION) return null;
  return numberTakenError(constraint === "documents_citation_key" ? "body.citation" : "body.number");
}

/** Only someone who may read confidential documents there may mark one confidential (else they lose it). */
function requireMayClassify(actor: Actor, ownerPath: string, confidentiality: string): void {
  if (confidentiality !== "normal" && !holdsPermissionAt(actor, "document.confidential", ownerPath)) {
    throw new AppError("ACCESS_DENIED", {
      issues: [{ path: "body.confidentiality", message: "ACCESS_DENIED" }],
    });
  }
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.normalize("NFC").trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

export class DocumentsService {
  readonly #deps: ServiceDeps;
  readonly #referenceData: DocumentReferenceDataService;
  readonly #uploads: DocumentUploadsService;

  constructor(
    deps: ServiceDeps,
    referenceData: DocumentReferenceDataService,
    uploads: DocumentUploadsService,
  ) {
    this.#deps = deps;
    this.#referenceData = referenceData;
    this.#uploads = uploads;
  }

  #today(): string {
    return todayInVietnam(this.#deps.clock.now());
  }

  // ---- reads -----------------------------------------------------------------------------------

  async get(actor: Actor, id: number, executor: repo.Executor = this.#deps.db): Promise<DocumentDetail> {
    return buildDocumentDetail(executor, actor, id);
  }

  /** A document the actor may see, as other modules need it (a task's plan), or null like a missing one. */
  async findVisible(
    actor: Actor,
    id: number,
    executor: repo.Executor = this.#deps.db,
  ): Promise<repo.DocumentRecordRow | null> {
    return (await repo.findVisibleRecord(executor, documentScopeOf(actor), id)) ?? null;
  }

  /** The extracted text and every reference found in it, resolved as the reader may see them. */
  async text(actor: Actor, id: number) {
    const record = await requireVisibleRecord(this.#deps.db, actor, id);
    const body = (await repo.findDocumentText(this.#deps.db, id)) ?? "";
    const tables = await this.#referenceData.documentTables();
    const references = await matchReferences(
      this.#deps.db,
      documentScopeOf(actor),
      extractReferences(body, tables),
      actor.locale,
      [record.ownerOrgPath],
    );
    return { text: body, textSource: record.textSource, references };
  }

  async graph(actor: Actor, id: number, depth: number): Promise<DocumentGraph> {
    return documentGraph(this.#deps, actor, id, depth);
  }

  // ---- registration ----------------------------------------------------------------------------

  async create(actor: Actor, input: CreateInput, audit: AuditContext): Promise<DocumentDetail> {
    const today = this.#today();
    const now = this.#deps.clock.now();
    try {
      return await this.#deps.db.transaction().execute(async (trx) => {
        const [owner] = await repo.findOrgs(trx, [input.ownerOrgId]);
        if (!owner || !mayManageDocumentsIn(actor, owner.path)) throw new AppError("ORG_NOT_FOUND");
        requireMayClassify(actor, owner.path, input.confidentiality);
        const recipientOrgIds = [...new Set(input.recipientOrgIds)];
        await this.#requireOrgsInScope(trx, actor, recipientOrgIds, "body.recipientOrgIds");
        const tables = await this.#referenceData.documentTables(trx);
        const columns = await resolveDocumentColumns(trx, this.#fieldsOf(input), {
          actor,
          tables,
          today,
          selfId: null,
          checkIssuingOrg: true,
          ownerOrgId: owner.id,
          ownerOrgPath: owner.path,
        });
        const upload = input.uploadId ? await this.#uploads.takeUpload(trx, actor, input.uploadId) : null;
        const references = upload ? extractReferences(upload.body, tables) : [];
        const chosen = await this.#chosenRelations(trx, actor, input.relations, references);

        const values = {
          ...columns,
          ownerOrgId: owner.id,
          place: text(input.place),
          subject: input.subject.normalize("NFC").trim(),
          signer: text(input.signer),
          status: input.status,
          confidentiality: input.confidentiality,
          isPlaceholder: false,
          textSource: upload?.textSource ?? null,
        };
        const standing = await this.#placeholdersStandingFor(trx, actor, columns, owner.path);
        const placeholder = standing.numbered ?? standing.named;
        let id: number;
        let completed: { before: repo.DocumentRecordRow; recipientOrgIds: number[] } | null = null;
        if (placeholder === null) {
          id = await repo.insertDocument(trx, { ...values, createdBy: actor.accountId });
        } else {
          // Registered after being cited: the placeholder becomes the document, keeping its relations.
          // Someone completing it at the same moment: the second waits here and hears the number is taken.
          id = placeholder;
          const locked = await repo.lockPlaceholder(trx, id);
          if (!locked) throw numberTakenError();
          completed = {
            before: await requireVisibleRecord(trx, actor, id),
            recipientOrgIds: await repo.listRecipientIds(trx, id),
          };
          if (standing.named !== null && standing.named !== id) {
            await this.#mergePlaceholder(trx, actor, standing.named, id, owner.id, { audit, now });
          }
          await repo.updateDocumentAtVersion(trx, id, locked.version, values, now);
        }
        await repo.replaceRecipients(trx, id, recipientOrgIds);
        if (upload) await this.#storeUpload(trx, actor, id, upload);
        await refreshSearchVector(trx, id);
        const record = await requireVisibleRecord(trx, actor, id);
        const after = {
          ...documentAuditSnapshot(record, recipientOrgIds),
          ...(upload ? { file: { fileName: upload.fileName, sha256: upload.sha256 } } : {}),
        };
        await recordAudit(
          trx,
          audit,
          completed === null
            ? { action: "document.create", entityType: "document", entityId: id, orgId: owner.id, after }
            : {
                action: "document.update",
                entityType: "document",
                entityId: id,
                orgId: owner.id,
                before: documentAuditSnapshot(completed.before, completed.recipientOrgIds),
                after: { ...after, completedPlaceholder: true },
              },
          now,
        );
        await this.#relate(trx, actor, id, owner.id, chosen, { audit, now });
        return buildDocumentDetail(trx, actor, id);
      });
    } catch (error) {
      // Two people registering the same number at once: the second hears what the check says.
      throw duplicateKeyError(error) ?? error;
    }
  }

  #fieldsOf(input: CreateInput): DocumentFieldValues {
    return {
      typeId: input.typeId,
      number: input.number ?? null,
      numberWanted: true,
      issuerCodes: input.issuerCodes,
      issuingOrgId: input.issuingOrgId ?? null,
      termId: input.termId ?? null,
      issuedOn: input.issuedOn,
      citation: input.citation ?? null,
    };
  }

  /**
   * The placeholders a new registration completes: one created from a citation of this number, one
   * from a citation of this name — each only if the actor sees it and it is held in the lineage of the
   * new document's holder. Both found and different: one document cited both ways, merged.
   */
  async #placeholdersStandingFor(
    trx: Trx,
    actor: Actor,
    columns: ResolvedColumns,
    ownerPath: string,
  ): Promise<{ numbered: number | null; named: number | null }> {
    const scope = documentScopeOf(actor);
    const named =
      columns.citationKey === null
        ? undefined
        : await repo.findPlaceholderByCitationKey(trx, columns.citationKey, scope, ownerPath);
    const numbered =
      columns.number === null
        ? undefined
        : await repo.findPlaceholderFor(
            trx,
            {
              system: columns.system,
              typeAbbreviation: columns.typeAbbreviation,
              number: columns.number,
              leadIssuer: columns.issuerCodes[0] as string,
              numberKey: columns.numberKey,
              termId: columns.termId,
            },
            scope,
            ownerPath,
          );
    return { numbered: numbered?.id ?? null, named: named?.id ?? null };
  }

  /** Folds the placeholder cited by name into the one being completed (cited by number), audited. */
  async #mergePlaceholder(
    trx: Trx,
    actor: Actor,
    goneId: number,
    keptId: number,
    ownerOrgId: number,
    context: { audit: AuditContext; now: Date },
  ): Promise<void> {
    if (!(await repo.lockPlaceholder(trx, goneId))) throw numberTakenError();
    const gone = await requireVisibleRecord(trx, actor, goneId);
    await repo.mergePlaceholderInto(trx, goneId, keptId);
    await recordAudit(
      trx,
      context.audit,
      {
        action: "document.update",
        entityType: "document",
        entityId: goneId,
        orgId: ownerOrgId,
        before: documentAuditSnapshot(gone, []),
        after: { mergedInto: keptId, deleted: true },
      },
      context.now,
    );
  }

  async #requireOrgsInScope(trx: Trx, actor: Actor, orgIds: readonly number[], path: string): Promise<void> {
    if (orgIds.length === 0) return;
    const found = new Map((await repo.findOrgs(trx, orgIds)).map((org) => [org.id, org]));
    const issues: FieldIssue[] = [];
    orgIds.forEach((orgId, index) => {
      const org = found.get(orgId);
      if (!org || !mayManageDocumentsIn(actor, org.path)) {
        issues.push({ path: `${path}.${index}`, message: "DOCUMENT_ORG_OUTSIDE_SCOPE" });
      }
    });
    if (issues.length > 0) throw new AppError("DOCUMENT_ORG_OUTSIDE_SCOPE", { issues });
  }

  /** The relations asked for on registration: found references (by index) or documents the actor may see. */
  async #chosenRelations(
    trx: Trx,
    actor: Actor,
    relations: CreateInput["relations"],
    references: readonly DocumentReference[],
  ): Promise<ChosenRelations> {
    const chosen: ChosenRelations = { references: [], documents: [] };
    const scope = documentScopeOf(actor);
    for (const [index, relation] of relations.entries()) {
      if (relation.referenceIndex !== null && relation.referenceIndex !== undefined) {
        const reference = references[relation.referenceIndex];
        if (!reference) {
          throw new AppError("DOCUMENT_REFERENCE_NOT_FOUND", {
            issues: [
              { path: `body.relations.${index}.referenceIndex`, message: "DOCUMENT_REFERENCE_NOT_FOUND" },
            ],
          });
        }
        chosen.references.push({ reference, kind: relation.kind });
      } else if (relation.toDocumentId !== null && relation.toDocumentId !== undefined) {
        if (!(await repo.isVisible(trx, scope, relation.toDocumentId)))
          throw new AppError("DOCUMENT_NOT_FOUND");
        chosen.documents.push({ toDocumentId: relation.toDocumentId, kind: relation.kind });
      } else {
        throw new AppError("DOCUMENT_RELATION_INVALID", {
          issues: [{ path: `body.relations.${index}`, message: "DOCUMENT_RELATION_INVALID" }],
        });
      }
    }
    return chosen;
  }

  async #relate(
    trx: Trx,
    actor: Actor,
    id: number,
    ownerOrgId: number,
    chosen: ChosenRelations,
    context: { audit: AuditContext; now: Date },
  ): Promise<void> {
    await linkReferences(trx, actor, id, chosen.references, context);
    const audits = [];
    for (const relation of chosen.documents) {
      if (relation.toDocumentId === id) continue;
      const relationId = await repo.insertRelation(trx, {
        fromDocumentId: id,
        toDocumentId: relation.toDocumentId,
        kind: relation.kind,
        origin: "manual",
        createdBy: actor.accountId,
      });
      if (relationId === null) continue;
      audits.push({ relationId, ...relation });
    }
    for (const after of audits) {
      await recordAudit(
        trx,
        context.audit,
        { action: "document.relation_add", entityType: "document", entityId: id, orgId: ownerOrgId, after },
        context.now,
      );
    }
  }

  async #storeUpload(trx: Trx, actor: Actor, documentId: number, upload: TakenUpload): Promise<void> {
    await repo.insertDocumentFile(trx, { documentId, ...fileColumnsOf(upload), createdBy: actor.accountId });
    if (upload.body.trim() !== "") await repo.upsertDocumentText(trx, documentId, upload.body);
  }

  // ---- edits -----------------------------------------------------------------------------------

  /**
   * Applies the fields sent if `version` is still current (else DOCUMENT_VERSION_CONFLICT). A number
   * sent as null asks for the next number of the series; a placeholder given its subject and date
   * becomes a full entry.
   */
  async update(
    actor: Actor,
    id: number,
    input: UpdateDocumentInput,
    audit: AuditContext,
  ): Promise<DocumentDetail> {
    const today = this.#today();
    const now = this.#deps.clock.now();
    try {
      return await this.#deps.db.transaction().execute(async (trx) => {
        await repo.lockDocument(trx, id);
        const before = await requireEditableRecord(trx, actor, id);
        if (input.confidentiality !== undefined)
          requireMayClassify(actor, before.ownerOrgPath, input.confidentiality);
        if (before.version !== input.version) throw new AppError("DOCUMENT_VERSION_CONFLICT");
        const recipientsBefore = await repo.listRecipientIds(trx, id);
        const recipientOrgIds =
          input.recipientOrgIds === undefined ? recipientsBefore : [...new Set(input.recipientOrgIds)];
        if (input.recipientOrgIds !== undefined) {
          const added = recipientOrgIds.filter((orgId) => !recipientsBefore.includes(orgId));
          await this.#requireOrgsInScope(trx, actor, added, "body.recipientOrgIds");
        }
        const issuingOrgId = input.issuingOrgId === undefined ? before.issuingOrgId : input.issuingOrgId;
        const issuedOn = input.issuedOn ?? before.issuedOn;
        const fields: DocumentFieldValues = {
          typeId: input.typeId ?? before.typeId,
          number: input.number === undefined ? before.number : input.number,
          numberWanted: input.number === null,
          issuerCodes: input.issuerCodes ?? before.issuerCodes,
          issuingOrgId,
          // A term not sent is found again from the (possibly changed) issuing organisation and date.
          termId: input.termId === undefined ? null : input.termId,
          issuedOn,
          citation: input.citation === undefined ? before.citation : input.citation,
        };
        const tables = await this.#referenceData.documentTables(trx);
        const columns = await resolveDocumentColumns(trx, fields, {
          actor,
          tables,
          today,
          selfId: id,
          checkIssuingOrg: issuingOrgId !== before.issuingOrgId,
          ownerOrgId: before.ownerOrgId,
          ownerOrgPath: before.ownerOrgPath,
        });
        const subject = input.subject === undefined ? before.subject : input.subject.normalize("NFC").trim();
        const changes = {
          ...columns,
          // A term kept from before when none is found now (chosen by hand for a date outside the table).
          termId: input.termId === undefined && columns.termId === null ? before.termId : columns.termId,
          place: input.place === undefined ? before.place : text(input.place),
          subject,
          signer: input.signer === undefined ? before.signer : text(input.signer),
          status: input.status ?? before.status,
          confidentiality: input.confidentiality ?? before.confidentiality,
          isPlaceholder: before.isPlaceholder && !(subject !== "" && columns.issuedOn !== null),
        };
        if (changes.termId !== columns.termId && columns.number !== null) {
          changes.numberKey = documentNumberKey(
            {
              system: columns.system,
              typeAbbreviation: columns.typeAbbreviation,
              number: columns.number,
              leadIssuer: columns.issuerCodes[0] as string,
              termId: changes.termId,
            },
            columns,
            { tables, ownerOrgId: before.ownerOrgId, ownerOrgPath: before.ownerOrgPath },
          );
        }
        if (!(await repo.updateDocumentAtVersion(trx, id, input.version, changes, now))) {
          throw new AppError("DOCUMENT_VERSION_CONFLICT");
        }
        if (input.recipientOrgIds !== undefined) await repo.replaceRecipients(trx, id, recipientOrgIds);
        await refreshSearchVector(trx, id);
        const after = await requireVisibleRecord(trx, actor, id);
        await recordAudit(
          trx,
          audit,
          {
            action: "document.update",
            entityType: "document",
            entityId: id,
            orgId: before.ownerOrgId,
            before: documentAuditSnapshot(before, recipientsBefore),
            after: documentAuditSnapshot(after, recipientOrgIds),
          },
          now,
        );
        return buildDocumentDetail(trx, actor, id);
      });
    } catch (error) {
      throw duplicateKeyError(error) ?? error;
    }
  }

  // ---- relations -------------------------------------------------------------------------------

  async addRelation(
    actor: Actor,
    id: number,
    input: { kind: DocumentRelationKind; toDocumentId: number },
    audit: AuditContext,
  ): Promise<DocumentDetail> {
    return addDocumentRelation(this.#deps, actor, id, input, audit);
  }

  async removeRelation(
    actor: Actor,
    id: number,
    relationId: number,
    audit: AuditContext,
  ): Promise<{ ok: true }> {
    return removeDocumentRelation(this.#deps, actor, id, relationId, audit);
  }

  // ---- for the other parts of the register (uploads, search, cascades, seed) ---------------------

  /** References of a text resolved for a reader (the upload preview). */
  async matchReferences(actor: Actor, refs: readonly DocumentReference[]): Promise<FoundReference[]> {
    return matchReferences(this.#deps.db, documentScopeOf(actor), refs, actor.locale);
  }
}
