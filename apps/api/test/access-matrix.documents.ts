// Access-matrix samples for the register's records and its reference data (see access-matrix.int.test.ts):
// "inside" requests touch documents held by the actor's commune, "outside" ones documents of the other
// commune; installation-wide reference data is granted on the province (inside) or a commune (outside).
import { documentReferenceDataRoutes, documentRoutes, type RouteContract } from "@namro/contracts";
import type { InjectOptions } from "fastify";
import type { Kysely } from "kysely";
import type { Database, OrganisationRow } from "../src/db/schema.ts";
import { createOrg, uniqueSuffix } from "./factories.ts";

type Scope = "inside" | "outside";

export interface MatrixSample {
  scoped: boolean;
  build(scope: Scope): Promise<Omit<InjectOptions, "headers">>;
  grantAt?: (scope: Scope) => OrganisationRow;
}

export interface MatrixContext {
  db: () => Kysely<Database>;
  commune: (scope: Scope) => OrganisationRow;
  rootOrCommune: (scope: Scope) => OrganisationRow;
}

const key = (contract: Pick<RouteContract, "method" | "path">) => `${contract.method} ${contract.path}`;

/** Capital letters only, as issuer and type codes are written. */
function letterCode(prefix: string): string {
  const letters = "ABCDEFGHKLMNPQRSTUVXY";
  const bytes = uniqueSuffix() + uniqueSuffix();
  return (
    prefix +
    [...bytes]
      .map((c) => letters[Number.parseInt(c, 16)] ?? "A")
      .join("")
      .slice(0, 10)
  );
}

let nextNumber = 1000;

export function documentRegisterSamples(ctx: MatrixContext): [string, MatrixSample][] {
  const db = () => ctx.db();

  /** A Kết luận held by the scope's commune, written straight into the table (version 1). */
  async function documentIn(scope: Scope): Promise<number> {
    const type = await db()
      .selectFrom("documentTypes")
      .select("id")
      .where("system", "=", "party")
      .where("abbreviation", "=", "KL")
      .executeTakeFirstOrThrow();
    const row = await db()
      .insertInto("documents")
      .values({
        ownerOrgId: ctx.commune(scope).id,
        system: "party",
        typeId: type.id,
        typeAbbreviation: "KL",
        issuerCodes: ["ĐU"],
        issuedOn: "2024-03-01",
        subject: "Văn bản của ma trận quyền",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function relationIn(scope: Scope): Promise<{ documentId: number; relationId: number }> {
    const documentId = await documentIn(scope);
    const row = await db()
      .insertInto("documentRelations")
      .values({
        fromDocumentId: documentId,
        toDocumentId: await documentIn(scope),
        kind: "refers_to",
        origin: "manual",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { documentId, relationId: row.id };
  }

  async function termIn(scope: Scope): Promise<number> {
    const cell = await createOrg(db(), ctx.commune(scope), { typeCode: "chi_bo_truc_thuoc" });
    const row = await db()
      .insertInto("committeeTerms")
      .values({ orgId: cell.id, label: "Nhiệm kỳ 2020–2025", startsOn: "2020-07-01", endsOn: "2025-06-30" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const typeIdOf = async (abbreviation: string) =>
    (
      await db()
        .selectFrom("documentTypes")
        .select("id")
        .where("system", "=", "party")
        .where("abbreviation", "=", abbreviation)
        .executeTakeFirstOrThrow()
    ).id;

  return [
    // reference data
    [
      key(documentReferenceDataRoutes.listDocumentTypes),
      { scoped: false, build: async () => ({ method: "GET", url: "/api/document-types" }) },
    ],
    [
      key(documentReferenceDataRoutes.createDocumentType),
      {
        scoped: true,
        grantAt: ctx.rootOrCommune,
        build: async () => ({
          method: "POST",
          url: "/api/document-types",
          payload: {
            system: "party",
            abbreviation: letterCode("M"),
            nameVi: `Loại ma trận ${uniqueSuffix()}`,
          },
        }),
      },
    ],
    [
      key(documentReferenceDataRoutes.updateDocumentType),
      {
        scoped: true,
        grantAt: ctx.rootOrCommune,
        build: async () => {
          const row = await db()
            .insertInto("documentTypes")
            .values({ system: "party", abbreviation: letterCode("M"), nameVi: "Loại ma trận", nameEn: "" })
            .returning("id")
            .executeTakeFirstOrThrow();
          return { method: "PATCH", url: `/api/document-types/${row.id}`, payload: { sortOrder: 5000 } };
        },
      },
    ],
    [
      key(documentReferenceDataRoutes.listDocumentIssuers),
      { scoped: false, build: async () => ({ method: "GET", url: "/api/document-issuers" }) },
    ],
    [
      key(documentReferenceDataRoutes.createDocumentIssuer),
      {
        scoped: true,
        grantAt: ctx.rootOrCommune,
        build: async () => ({
          method: "POST",
          url: "/api/document-issuers",
          payload: { code: letterCode("M"), nameVi: "Cơ quan ma trận", level: "grassroots" },
        }),
      },
    ],
    [
      key(documentReferenceDataRoutes.updateDocumentIssuer),
      {
        scoped: true,
        grantAt: ctx.rootOrCommune,
        build: async () => {
          const code = letterCode("M");
          await db()
            .insertInto("documentIssuers")
            .values({ code, nameVi: "Cơ quan ma trận", nameEn: "", level: "grassroots" })
            .execute();
          return { method: "PATCH", url: `/api/document-issuers/${code}`, payload: { legacy: true } };
        },
      },
    ],
    [
      key(documentReferenceDataRoutes.listCommitteeTerms),
      // Terms of an issuer are public to every account; terms of an organisation follow its scope (tested
      // in the reference-data tests).
      { scoped: false, build: async () => ({ method: "GET", url: "/api/committee-terms?issuerCode=TW" }) },
    ],
    [
      key(documentReferenceDataRoutes.createCommitteeTerm),
      {
        scoped: true,
        build: async (scope) => {
          const cell = await createOrg(db(), ctx.commune(scope), { typeCode: "chi_bo_truc_thuoc" });
          return {
            method: "POST",
            url: "/api/committee-terms",
            payload: { orgId: cell.id, label: "Nhiệm kỳ 2025–2030", startsOn: "2025-07-01" },
          };
        },
      },
    ],
    [
      key(documentReferenceDataRoutes.updateCommitteeTerm),
      {
        scoped: true,
        build: async (scope) => ({
          method: "PATCH",
          url: `/api/committee-terms/${await termIn(scope)}`,
          payload: { label: "Nhiệm kỳ 2020–2025 (sửa)", startsOn: "2020-07-01", endsOn: "2025-06-30" },
        }),
      },
    ],

    // the register's records
    [
      // The register of the scope's commune, searched: outside the actor's scope the subtree is unknown.
      key(documentRoutes.listDocuments),
      {
        scoped: true,
        build: async (scope) => ({
          method: "GET",
          url: `/api/documents?orgId=${ctx.commune(scope).id}&q=${encodeURIComponent("ma trận quyền")}`,
        }),
      },
    ],
    [
      key(documentRoutes.createDocument),
      {
        scoped: true,
        build: async (scope) => {
          nextNumber += 1;
          return {
            method: "POST",
            url: "/api/documents",
            payload: {
              typeId: await typeIdOf("KL"),
              number: String(nextNumber),
              issuerCodes: ["ĐU"],
              issuedOn: "2024-01-02",
              subject: "Kết luận của ma trận quyền",
              ownerOrgId: ctx.commune(scope).id,
            },
          };
        },
      },
    ],
    [
      key(documentRoutes.getDocument),
      {
        scoped: true,
        build: async (scope) => ({ method: "GET", url: `/api/documents/${await documentIn(scope)}` }),
      },
    ],
    [
      key(documentRoutes.updateDocument),
      {
        scoped: true,
        build: async (scope) => ({
          method: "PATCH",
          url: `/api/documents/${await documentIn(scope)}`,
          payload: { version: 1, subject: "Trích yếu đã sửa" },
        }),
      },
    ],
    [
      key(documentRoutes.getDocumentText),
      {
        scoped: true,
        build: async (scope) => ({ method: "GET", url: `/api/documents/${await documentIn(scope)}/text` }),
      },
    ],
    [
      key(documentRoutes.getDocumentGraph),
      {
        scoped: true,
        build: async (scope) => ({
          method: "GET",
          url: `/api/documents/${(await relationIn(scope)).documentId}/graph`,
        }),
      },
    ],
    [
      key(documentRoutes.addDocumentRelation),
      {
        scoped: true,
        build: async (scope) => ({
          method: "POST",
          url: `/api/documents/${await documentIn(scope)}/relations`,
          payload: { kind: "implements", toDocumentId: await documentIn(scope) },
        }),
      },
    ],
    [
      key(documentRoutes.removeDocumentRelation),
      {
        scoped: true,
        build: async (scope) => {
          const { documentId, relationId } = await relationIn(scope);
          return { method: "DELETE", url: `/api/documents/${documentId}/relations/${relationId}` };
        },
      },
    ],
  ];
}
