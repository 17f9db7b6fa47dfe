// The generated access matrix: every registered route × every role (and anonymous) × a target inside
// or outside the actor's scope. The expected outcome comes from the route's declared access rule,
// ROLE_PERMISSIONS and the scope; a request built from the sample table below must produce it.
// A new route without a sample entry fails this test: add one to SAMPLES.
import { randomBytes } from "node:crypto";
import {
  accountRoutes,
  auditRoutes,
  authRoutes,
  documentCascadeRoutes,
  memberImportRoutes,
  memberRoutes,
  memberStatisticsRoutes,
  notificationRoutes,
  organisationRoutes,
  ROLES,
  type Role,
  type RouteContract,
  systemRoutes,
} from "@namro/contracts";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationRow } from "../src/db/schema.ts";
import { hashSessionToken } from "../src/modules/auth/auth.service.ts";
import { recordAudit, SYSTEM_AUDIT_CONTEXT } from "../src/platform/audit/audit-writer.ts";
import { ROLE_PERMISSIONS } from "../src/platform/auth/permissions.ts";
import type { RouteAccess } from "../src/platform/auth/route-access.ts";
import { documentFileSamples } from "./access-matrix.document-files.ts";
import { documentRegisterSamples } from "./access-matrix.documents.ts";
import { planCheckSamples } from "./access-matrix.plan-checks.ts";
import { taskAssigneeSamples } from "./access-matrix.task-assignees.ts";
import { taskReportSamples } from "./access-matrix.task-reports.ts";
import { taskRollupSamples } from "./access-matrix.task-rollups.ts";
import { taskTodoSamples } from "./access-matrix.task-todo.ts";
import { taskSamples } from "./access-matrix.tasks.ts";
import { createCascade } from "./cascade-factories.ts";
import { createDocument } from "./document-factories.ts";
import { createOrg, createProvince, uniqueSuffix } from "./factories.ts";
import { createMember } from "./member-factories.ts";
import { simpleWorkbook } from "./spreadsheet-fixtures.ts";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession } from "./test-app.ts";

type Scope = "inside" | "outside";
type Outcome = "allow" | "401" | "404";
type Province = Awaited<ReturnType<typeof createProvince>>;

interface Sample {
  /**
   * Whether the request is about something in one subtree: the actor's grant is on commune A, the
   * "inside" request targets commune A (or below) and the "outside" one commune B of the same province.
   */
  scoped: boolean;
  /** Sign-in must not present the actor's cookie (it would rotate the actor's own session away). */
  anonymousOnly?: boolean;
  build(scope: Scope): Promise<Omit<InjectOptions, "headers">>;
  /**
   * Where the actor's role is held (default: commune A). Installation-wide routes hold the role on the
   * province (a root) for "inside" and on commune A for "outside".
   */
  grantAt?: (scope: Scope) => OrganisationRow;
}

let t: TestApp;
let fx: Province;

const EFFECTIVE = { effectiveDate: "2025-07-01", reason: "Kiểm thử ma trận quyền" };
const STRONG = "mat-khau-ma-tran-2026";

const commune = (scope: Scope): OrganisationRow => (scope === "inside" ? fx.communeA : fx.communeB);
const cell = (scope: Scope): OrganisationRow => (scope === "inside" ? fx.cellA : fx.cellB);
const rootOrCommune = (scope: Scope): OrganisationRow => (scope === "inside" ? fx.province : fx.communeA);
const freshCell = (scope: Scope) =>
  createOrg(t.database.db, commune(scope), { typeCode: "chi_bo_truc_thuoc" });

async function freshAccount(scope: Scope, extraOnCommune = false) {
  const roles: { role: Role; orgId: number }[] = [{ role: "member", orgId: cell(scope).id }];
  if (extraOnCommune) roles.push({ role: "member", orgId: commune(scope).id });
  return t.createAccount(roles);
}

/** A full member of the scope's cell (admitted 2015). */
const memberIn = async (scope: Scope) =>
  (await createMember(t.database.db, cell(scope).id, { fullName: "Đinh Văn Mẫu" })).id;

/** A pending transfer of a member of `from` into `to`. */
async function pendingTransfer(from: OrganisationRow, to: OrganisationRow): Promise<number> {
  const member = await createMember(t.database.db, from.id, { fullName: "Kiều Văn Chuyển" });
  const row = await t.database.db
    .insertInto("memberEvents")
    .values({
      memberId: member.id,
      kind: "transfer_internal",
      occurredOn: "2024-01-01",
      state: "pending",
      fromOrgId: from.id,
      toOrgId: to.id,
      statusBefore: "full",
      statusAfter: "full",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inside: a transfer whose receiving (or sending) side is the scope's cell; outside: both in commune B. */
async function transferFor(scope: Scope, side: "receiving" | "sending"): Promise<number> {
  const elsewhere = await createOrg(t.database.db, fx.communeB, { typeCode: "chi_bo_truc_thuoc" });
  if (scope === "outside") return pendingTransfer(fx.cellB, elsewhere);
  return side === "receiving" ? pendingTransfer(elsewhere, fx.cellA) : pendingTransfer(fx.cellA, elsewhere);
}

const MEMBER_DATA = {
  fullName: "Đinh Thị Mẫu",
  sex: "female",
  birthDate: "1990-02-03",
  admittedOn: "2020-05-19",
  educationProfessional: "dai_hoc",
  theoryLevel: "so_cap",
};

async function grantsOf(accountId: number) {
  return t.database.db
    .selectFrom("roleAssignments")
    .select("id")
    .where("accountId", "=", accountId)
    .orderBy("id")
    .execute();
}

function key(contract: Pick<RouteContract, "method" | "path">): string {
  return `${contract.method} ${contract.path}`;
}

const SAMPLES = new Map<string, Sample>([
  ...documentRegisterSamples({
    db: () => t.database.db,
    commune: (scope) => commune(scope),
    rootOrCommune: (scope) => rootOrCommune(scope),
  }),
  ...documentFileSamples({
    db: () => t.database.db,
    commune: (scope) => commune(scope),
    rootOrCommune: (scope) => rootOrCommune(scope),
  }),
  ...planCheckSamples({ db: () => t.database.db, commune, rootOrCommune }),
  ...taskReportSamples({ db: () => t.database.db, commune, rootOrCommune }),
  ...taskRollupSamples({ db: () => t.database.db, commune, rootOrCommune }),
  ...taskSamples({ db: () => t.database.db, commune, rootOrCommune }),
  ...taskAssigneeSamples({ db: () => t.database.db, commune, rootOrCommune }),
  ...taskTodoSamples(),
  // system
  [key(systemRoutes.health), { scoped: false, build: async () => ({ method: "GET", url: "/api/health" }) }],
  [
    key(systemRoutes.systemInfo),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/system" }) },
  ],

  // auth
  [
    key(authRoutes.signIn),
    {
      scoped: false,
      anonymousOnly: true,
      build: async () => {
        const account = await freshAccount("inside");
        return {
          method: "POST",
          url: authRoutes.signIn.path,
          payload: { username: account.username, password: TEST_PASSWORD },
        };
      },
    },
  ],
  [
    key(authRoutes.signOut),
    { scoped: false, build: async () => ({ method: "POST", url: authRoutes.signOut.path }) },
  ],
  [key(authRoutes.me), { scoped: false, build: async () => ({ method: "GET", url: authRoutes.me.path }) }],
  [
    key(authRoutes.changePassword),
    {
      scoped: false,
      build: async () => ({
        method: "POST",
        url: authRoutes.changePassword.path,
        payload: { currentPassword: TEST_PASSWORD, newPassword: STRONG },
      }),
    },
  ],
  [
    key(authRoutes.setUpTotp),
    { scoped: false, build: async () => ({ method: "POST", url: authRoutes.setUpTotp.path }) },
  ],
  [
    key(authRoutes.enableTotp),
    // Not set up yet: a domain 409, which still proves access was granted.
    {
      scoped: false,
      build: async () => ({ method: "POST", url: authRoutes.enableTotp.path, payload: { code: "123456" } }),
    },
  ],
  [
    key(authRoutes.disableTotp),
    {
      scoped: false,
      build: async () => ({
        method: "POST",
        url: authRoutes.disableTotp.path,
        payload: { password: TEST_PASSWORD },
      }),
    },
  ],
  [
    key(authRoutes.setEmail),
    {
      scoped: false,
      build: async () => ({
        method: "PUT",
        url: authRoutes.setEmail.path,
        payload: { email: "nguoi.dung@example.vn" },
      }),
    },
  ],
  [
    key(authRoutes.setLocale),
    {
      scoped: false,
      build: async () => ({ method: "PUT", url: authRoutes.setLocale.path, payload: { locale: "en" } }),
    },
  ],

  // accounts
  [
    key(accountRoutes.listAccounts),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/accounts?orgId=${commune(scope).id}` }),
    },
  ],
  [
    key(accountRoutes.getAccount),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/accounts/${(await freshAccount(scope)).id}` }),
    },
  ],
  [
    key(accountRoutes.createAccount),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: "/api/accounts",
        payload: {
          username: `mt${uniqueSuffix()}`,
          displayName: "Đỗ Ma Trận",
          password: STRONG,
          roles: [{ role: "member", orgId: cell(scope).id }],
        },
      }),
    },
  ],
  [
    key(accountRoutes.updateAccount),
    {
      scoped: true,
      build: async (scope) => ({
        method: "PATCH",
        url: `/api/accounts/${(await freshAccount(scope)).id}`,
        payload: { displayName: "Tên Đã Đổi", version: 1 },
      }),
    },
  ],
  [
    key(accountRoutes.setAccountEmail),
    {
      scoped: true,
      build: async (scope) => ({
        method: "PUT",
        url: `/api/accounts/${(await freshAccount(scope)).id}/email`,
        payload: { email: "can.bo@example.vn", version: 1 },
      }),
    },
  ],
  [
    key(accountRoutes.disableAccount),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/accounts/${(await freshAccount(scope)).id}/disable`,
      }),
    },
  ],
  [
    key(accountRoutes.enableAccount),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/accounts/${(await freshAccount(scope)).id}/enable`,
      }),
    },
  ],
  [
    key(accountRoutes.resetPassword),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/accounts/${(await freshAccount(scope)).id}/reset-password`,
        payload: { newPassword: STRONG },
      }),
    },
  ],
  [
    key(accountRoutes.addRole),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/accounts/${(await freshAccount(scope)).id}/roles`,
        payload: { role: "committee_leader", orgId: commune(scope).id },
      }),
    },
  ],
  [
    key(accountRoutes.removeRole),
    {
      scoped: true,
      build: async (scope) => {
        const account = await freshAccount(scope, true);
        const [grant] = await grantsOf(account.id);
        return { method: "DELETE", url: `/api/accounts/${account.id}/roles/${grant?.id}` };
      },
    },
  ],

  // audit
  [
    key(auditRoutes.listAudit),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/audit?orgId=${commune(scope).id}` }),
    },
  ],

  // organisations
  [
    key(organisationRoutes.createOrgType),
    {
      scoped: true,
      grantAt: rootOrCommune,
      build: async () => ({
        method: "POST",
        url: "/api/org-types",
        payload: {
          code: `mt_${uniqueSuffix()}`,
          nameVi: "Loại ma trận",
          nameEn: "Matrix type",
          isDepartment: false,
          sortOrder: 500,
          allowedParentTypes: ["dang_uy_xa"],
        },
      }),
    },
  ],
  [
    key(organisationRoutes.updateOrgType),
    {
      scoped: true,
      grantAt: rootOrCommune,
      build: async () => {
        const code = `mt_${uniqueSuffix()}`;
        await t.database.db
          .insertInto("orgTypes")
          .values({ code, nameVi: "Loại ma trận", nameEn: "Matrix type" })
          .execute();
        return {
          method: "PUT",
          url: `/api/org-types/${code}`,
          payload: {
            nameVi: "Loại ma trận đã sửa",
            nameEn: "Matrix type, edited",
            isDepartment: false,
            sortOrder: 501,
            allowedChildTypes: ["to_dang"],
            version: 1,
          },
        };
      },
    },
  ],
  [
    key(organisationRoutes.listOrgTypes),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/org-types" }) },
  ],
  [
    key(organisationRoutes.listRoots),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/organisations/roots" }) },
  ],
  [
    key(organisationRoutes.searchOrgs),
    // Results are filtered by scope rather than refused; the organisations tests check the filtering.
    { scoped: false, build: async () => ({ method: "GET", url: "/api/organisations/search?q=tan%20hung" }) },
  ],
  [
    key(organisationRoutes.getOrg),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/organisations/${commune(scope).id}` }),
    },
  ],
  [
    key(organisationRoutes.listChildren),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/organisations/${commune(scope).id}/children` }),
    },
  ],
  [
    key(organisationRoutes.getOrgHistory),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/organisations/${commune(scope).id}/history` }),
    },
  ],
  [
    key(organisationRoutes.createOrg),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: "/api/organisations",
        payload: {
          ...EFFECTIVE,
          name: `Chi bộ mới ${uniqueSuffix()}`,
          typeCode: "chi_bo_truc_thuoc",
          parentId: commune(scope).id,
        },
      }),
    },
  ],
  [
    key(organisationRoutes.renameOrg),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/organisations/${(await freshCell(scope)).id}/rename`,
        payload: { ...EFFECTIVE, name: `Chi bộ đổi tên ${uniqueSuffix()}`, version: 1 },
      }),
    },
  ],
  [
    key(organisationRoutes.moveOrg),
    {
      scoped: true,
      build: async (scope) => {
        const moved = await freshCell(scope);
        const newParent = await createOrg(t.database.db, commune(scope), { typeCode: "dang_uy_co_so" });
        return {
          method: "POST",
          url: `/api/organisations/${moved.id}/move`,
          payload: { ...EFFECTIVE, newParentId: newParent.id, version: 1 },
        };
      },
    },
  ],
  [
    key(organisationRoutes.mergeOrgs),
    {
      scoped: true,
      build: async (scope) => {
        const sources = [await freshCell(scope), await freshCell(scope)];
        return {
          method: "POST",
          url: "/api/organisations/merge",
          payload: {
            ...EFFECTIVE,
            sourceIds: sources.map((org) => org.id),
            target: {
              name: `Chi bộ hợp nhất ${uniqueSuffix()}`,
              typeCode: "chi_bo_truc_thuoc",
              parentId: commune(scope).id,
            },
          },
        };
      },
    },
  ],
  [
    key(organisationRoutes.splitOrg),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/organisations/${(await freshCell(scope)).id}/split`,
        payload: {
          ...EFFECTIVE,
          parts: [
            { name: `Chi bộ tách 1 ${uniqueSuffix()}`, typeCode: "chi_bo_truc_thuoc" },
            { name: `Chi bộ tách 2 ${uniqueSuffix()}`, typeCode: "chi_bo_truc_thuoc" },
          ],
          childAssignments: [],
          version: 1,
        },
      }),
    },
  ],
  [
    key(organisationRoutes.dissolveOrg),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/organisations/${(await freshCell(scope)).id}/dissolve`,
        payload: { ...EFFECTIVE, version: 1 },
      }),
    },
  ],

  // members
  [
    key(memberRoutes.listMembers),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/members?orgId=${commune(scope).id}` }),
    },
  ],
  [
    key(memberRoutes.getMember),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/members/${await memberIn(scope)}` }),
    },
  ],
  [
    key(memberRoutes.getMemberCellOn),
    {
      scoped: true,
      build: async (scope) => ({
        method: "GET",
        url: `/api/members/${await memberIn(scope)}/cell?on=2020-01-01`,
      }),
    },
  ],
  [
    key(memberRoutes.admitMember),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: "/api/members",
        payload: { ...MEMBER_DATA, orgId: cell(scope).id },
      }),
    },
  ],
  [
    key(memberRoutes.updateMember),
    {
      scoped: true,
      build: async (scope) => ({
        method: "PUT",
        url: `/api/members/${await memberIn(scope)}`,
        payload: { ...MEMBER_DATA, admittedOn: "2015-05-19", version: 1 },
      }),
    },
  ],
  [
    key(memberRoutes.recordMemberEvent),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/members/${await memberIn(scope)}/events`,
        payload: { kind: "exemption", occurredOn: "2024-01-01", version: 1 },
      }),
    },
  ],
  [
    key(memberRoutes.listMemberPostTypes),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/member-post-types" }) },
  ],
  [
    key(memberRoutes.addMemberPost),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/members/${await memberIn(scope)}/posts`,
        payload: { postType: "bi_thu_chi_bo", startedOn: "2020-01-01", version: 1 },
      }),
    },
  ],
  [
    key(memberRoutes.endMemberPost),
    {
      scoped: true,
      build: async (scope) => {
        const memberId = await memberIn(scope);
        const post = await t.database.db
          .insertInto("memberPosts")
          .values({ memberId, postType: "chu_tich_hdnd", startedOn: "2021-01-01" })
          .returning("id")
          .executeTakeFirstOrThrow();
        return {
          method: "PUT",
          url: `/api/members/${memberId}/posts/${post.id}`,
          payload: { endedOn: "2024-01-01", version: 1 },
        };
      },
    },
  ],
  [
    key(memberRoutes.listMemberTransfers),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/member-transfers?orgId=${commune(scope).id}` }),
    },
  ],
  [
    key(memberRoutes.confirmMemberTransfer),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/member-transfers/${await transferFor(scope, "receiving")}/confirm`,
        payload: {},
      }),
    },
  ],
  [
    key(memberRoutes.refuseMemberTransfer),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/member-transfers/${await transferFor(scope, "receiving")}/refuse`,
        payload: {},
      }),
    },
  ],
  [
    key(memberRoutes.cancelMemberTransfer),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/member-transfers/${await transferFor(scope, "sending")}/cancel`,
        payload: {},
      }),
    },
  ],

  // member statistics
  [
    key(memberStatisticsRoutes.getMemberStatistics),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/member-statistics?orgId=${commune(scope).id}` }),
    },
  ],
  [
    key(memberStatisticsRoutes.exportMemberStatistics),
    {
      scoped: true,
      build: async (scope) => ({
        method: "GET",
        url: `/api/member-statistics/export?orgId=${commune(scope).id}`,
      }),
    },
  ],

  // document cascades: a document held by the scope's commune requiring the scope's cell to implement it
  [
    key(documentCascadeRoutes.listDocumentCascades),
    {
      scoped: true,
      build: async (scope) => ({
        method: "GET",
        url: `/api/documents/${(await cascadeIn(scope)).documentId}/cascades`,
      }),
    },
  ],
  [
    key(documentCascadeRoutes.createDocumentCascade),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/documents/${(await cascadeIn(scope)).documentId}/cascades`,
        payload: { deadline: "2026-12-31", selection: { kind: "orgs", orgIds: [cell(scope).id] } },
      }),
    },
  ],
  [
    key(documentCascadeRoutes.previewDocumentCascade),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/documents/${(await cascadeIn(scope)).documentId}/cascades/preview`,
        payload: { selection: { kind: "orgs", orgIds: [cell(scope).id] } },
      }),
    },
  ],
  [
    key(documentCascadeRoutes.updateDocumentCascade),
    {
      scoped: true,
      build: async (scope) => ({
        method: "PATCH",
        url: `/api/document-cascades/${(await cascadeIn(scope)).cascadeId}`,
        payload: { version: 1, note: "Hoàn thành trong quý IV" },
      }),
    },
  ],
  [
    key(documentCascadeRoutes.deleteDocumentCascade),
    {
      scoped: true,
      build: async (scope) => ({
        method: "DELETE",
        url: `/api/document-cascades/${(await cascadeIn(scope)).cascadeId}?version=1`,
      }),
    },
  ],
  [
    key(documentCascadeRoutes.getCascadeCoverage),
    {
      scoped: true,
      build: async (scope) => ({
        method: "GET",
        url: `/api/document-cascades/${(await cascadeIn(scope)).cascadeId}/coverage`,
      }),
    },
  ],
  [
    key(documentCascadeRoutes.sendCascadeReminders),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/document-cascades/${(await cascadeIn(scope)).cascadeId}/reminders`,
        payload: {},
      }),
    },
  ],
  [
    key(documentCascadeRoutes.exportCascadeCoverage),
    {
      scoped: true,
      build: async (scope) => ({
        method: "GET",
        url: `/api/document-cascades/${(await cascadeIn(scope)).cascadeId}/coverage/export`,
      }),
    },
  ],

  // notifications: the inbox is the actor's own (roles are held on commune A)
  [
    key(notificationRoutes.listNotifications),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/notifications" }) },
  ],
  [
    key(notificationRoutes.countUnreadNotifications),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/notifications/unread-count" }) },
  ],
  [
    key(notificationRoutes.markNotificationRead),
    {
      scoped: false,
      build: async () => ({
        method: "POST",
        url: `/api/notifications/${await notificationTo(fx.communeA)}/read`,
      }),
    },
  ],
  [
    key(notificationRoutes.markAllNotificationsRead),
    { scoped: false, build: async () => ({ method: "POST", url: "/api/notifications/read-all" }) },
  ],

  // member import and export
  [
    key(memberImportRoutes.createMemberImport),
    {
      scoped: true,
      build: async (scope) => {
        const boundary = `----matrix${uniqueSuffix()}`;
        const bytes = await simpleWorkbook([
          ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng"],
          ["Đinh Văn Mẫu", "Nam", "01/01/1980", "01/01/2005"],
        ]);
        const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.xlsx"\r\n\r\n`;
        const request = {
          method: "POST" as const,
          url: `/api/member-imports?orgId=${cell(scope).id}`,
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
          payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        };
        return request;
      },
    },
  ],
  [
    key(memberImportRoutes.getMemberImport),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/member-imports/${await importIn(scope)}` }),
    },
  ],
  [
    key(memberImportRoutes.listMemberImportRows),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/member-imports/${await importIn(scope)}/rows` }),
    },
  ],
  [
    key(memberImportRoutes.updateMemberImportMapping),
    {
      scoped: true,
      build: async (scope) => ({
        method: "PUT",
        url: `/api/member-imports/${await importIn(scope)}/mapping`,
        payload: { columns: [] },
      }),
    },
  ],
  [
    key(memberImportRoutes.updateMemberImportDecisions),
    {
      scoped: true,
      build: async (scope) => ({
        method: "PUT",
        url: `/api/member-imports/${await importIn(scope)}/decisions`,
        payload: { matchDecision: "skip" },
      }),
    },
  ],
  [
    key(memberImportRoutes.commitMemberImport),
    {
      scoped: true,
      build: async (scope) => ({
        method: "POST",
        url: `/api/member-imports/${await importIn(scope)}/commit`,
      }),
    },
  ],
  [
    key(memberImportRoutes.downloadMemberImportReport),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/member-imports/${await importIn(scope)}/report` }),
    },
  ],
  [
    key(memberImportRoutes.downloadMemberImportTemplate),
    { scoped: false, build: async () => ({ method: "GET", url: "/api/member-imports/template" }) },
  ],
  [
    key(memberImportRoutes.exportMembers),
    {
      scoped: true,
      build: async (scope) => ({ method: "GET", url: `/api/members/export?orgId=${commune(scope).id}` }),
    },
  ],
]);

/** A document held by the scope's commune with a cascade requiring the scope's cell (version 1). */
async function cascadeIn(scope: Scope): Promise<{ documentId: number; cascadeId: number }> {
  const document = await createDocument(t.database.db, { ownerOrgId: commune(scope).id, number: null });
  const cascadeId = await createCascade(t.database.db, document.id, [cell(scope).id], "2026-12-31");
  return { documentId: document.id, cascadeId };
}

/** A notification addressed to `org`. */
async function notificationTo(org: OrganisationRow): Promise<number> {
  const row = await t.database.db
    .insertInto("notifications")
    .values({
      orgId: org.id,
      kind: "cascade_reminder",
      titleVi: "Nhắc việc",
      titleEn: "Reminder",
      link: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A read (ready, empty) member import into the scope's cell. */
async function importIn(scope: Scope): Promise<number> {
  const row = await t.database.db
    .insertInto("memberImports")
    .values({ orgId: cell(scope).id, accountId: null, fileName: "m.xlsx", sha256: "0", format: "xlsx" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.database.db
    .updateTable("memberImports")
    .set({ status: "ready" })
    .where("id", "=", row.id)
    .execute();
  return row.id;
}

function expectedOutcome(
  access: RouteAccess,
  role: Role | null,
  scope: Scope,
  scoped: boolean,
  grantOnRoot: boolean,
): Outcome {
  if (access.kind === "public") return "allow";
  if (role === null) return "401";
  if (access.kind === "session" || access.kind === "authenticated") return "allow";
  if (!ROLE_PERMISSIONS[role].includes(access.permission)) return "404";
  if (access.atRoot && !grantOnRoot) return "404";
  return scoped && scope === "outside" ? "404" : "allow";
}

function actualOutcome(
  status: number,
  errorCode: string | null,
): Outcome | `other ${number}` | "invalid sample" {
  if (status === 401) return "401";
  if (status === 404) return "404";
  // The sample must pass validation, or it proves nothing about the access decision.
  if (errorCode === "VALIDATION_FAILED") return "invalid sample";
  // A domain refusal (a conflict, a business rule) still means the route let the actor in.
  if ((status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 403)) return "allow";
  return `other ${status}`;
}

function errorCodeOf(body: string): string | null {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

/** A signed-in account holding `role` on `org`, with a session made directly (no sign-in limit). */
async function sessionFor(role: Role, org: OrganisationRow): Promise<TestSession> {
  const account = await t.createAccount([{ role, orgId: org.id }]);
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const now = new Date();
  await t.database.db
    .insertInto("sessions")
    .values({
      tokenHash: hashSessionToken(token),
      accountId: account.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    })
    .execute();
  return { accountId: account.id, username: account.username, cookie: `namro_session=${token}`, csrfToken };
}

function apiRoutes() {
  return t.app.registeredRoutes.filter(
    (route) => route.url.startsWith("/api") && !route.url.startsWith("/api/docs") && route.method !== "HEAD",
  );
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await createProvince(t.database.db);
});
afterAll(async () => {
  await t.close();
});

describe("access matrix", () => {
  it("finds the routes and every /api route declares an access rule", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const undeclared = routes.filter((route) => !route.access).map((route) => `${route.method} ${route.url}`);
    expect(
      undeclared,
      "routes without config.access (register them through registerRoute with an access rule)",
    ).toEqual([]);
  });

  it("lists in the registry every route of the OpenAPI document", () => {
    const registered = new Set(t.app.registeredRoutes.map((route) => `${route.method} ${route.url}`));
    const document = t.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      const url = path.replace(/\{(\w+)\}/g, ":$1");
      for (const method of Object.keys(operations)) {
        const entry = `${method.toUpperCase()} ${url}`;
        if (url.startsWith("/api/docs") || method === "head") continue;
        if (!registered.has(entry)) missing.push(entry);
      }
    }
    expect(missing, "routes registered before the route registry was installed").toEqual([]);
  });

  it("has a sample request for every route, and no stale samples", () => {
    const routes = new Set(apiRoutes().map((route) => `${route.method} ${route.url}`));
    const withoutSample = [...routes].filter((entry) => !SAMPLES.has(entry));
    expect(
      withoutSample,
      "these routes have no entry in SAMPLES of apps/api/test/access-matrix.int.test.ts: add one with a valid request",
    ).toEqual([]);
    const stale = [...SAMPLES.keys()].filter((entry) => !routes.has(entry));
    expect(stale, "SAMPLES entries for routes that are not registered (remove them)").toEqual([]);
  });

  it("answers every route × role × scope as the declared access rule says", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of apiRoutes()) {
      const sample = SAMPLES.get(`${route.method} ${route.url}`);
      if (!sample || !route.access) continue; // reported by the tests above
      const scopes: Scope[] = sample.scoped ? ["inside", "outside"] : ["inside"];
      for (const role of [null, ...ROLES] as (Role | null)[]) {
        for (const scope of scopes) {
          const grantOrg = sample.grantAt?.(scope) ?? fx.communeA;
          const expected = expectedOutcome(
            route.access,
            role,
            scope,
            sample.scoped,
            grantOrg.parentId === null,
          );
          const session = role && !sample.anonymousOnly ? await sessionFor(role, grantOrg) : null;
          const request = await sample.build(scope);
          const response = await t.call(session, request as InjectOptions);
          const actual = actualOutcome(response.statusCode, errorCodeOf(response.body));
          checked += 1;
          // MATRIX_DEBUG=1 prints every cell of the matrix.
          if (process.env.MATRIX_DEBUG)
            console.log(
              route.method,
              route.url,
              role,
              scope,
              response.statusCode,
              errorCodeOf(response.body),
            );
          if (actual !== expected) {
            mismatches.push(
              `${route.method} ${route.url} as ${role ?? "anonymous"} (${scope}): expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});

// Status codes say who gets in; this says what they see once in. Driven by ROLE_PERMISSIONS, so a new
// role is checked too: without member.sensitive the citizen ID is masked and religion and discipline are
// hidden in the list, the record and the audit view, and neither a religion filter nor a citizen-ID
// search answers anything that would reveal them.
describe("sensitive member fields by role", () => {
  it("are masked, unfilterable and unsearchable for every role without member.sensitive", async () => {
    const citizenId = "001190066666";
    const masked = "00119*****66";
    const admin = await sessionFor("system_admin", fx.province);
    const admitted = await t.call(admin, {
      method: "POST",
      url: "/api/members",
      payload: {
        ...MEMBER_DATA,
        fullName: "Mạc Thị Riêng",
        orgId: fx.cellA.id,
        citizenId,
        religion: "Công giáo",
        discipline: "Khiển trách 2024",
      },
    });
    expect(admitted.statusCode).toBe(201);
    const id = (admitted.json() as { id: number }).id;
    // Import audit rows nest member records inside their details.
    await t.database.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        SYSTEM_AUDIT_CONTEXT,
        {
          action: "member.import",
          entityType: "member_import",
          entityId: `matrix-${id}`,
          orgId: fx.cellA.id,
          after: { rows: [{ record: { citizenId, religion: "Công giáo" } }] },
        },
        new Date(),
      ),
    );
    const get = async (session: TestSession, url: string) => {
      const response = await t.call(session, { method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      return response.json() as Record<string, unknown> & { items: Record<string, unknown>[] };
    };
    const listUrl = `/api/members?orgId=${fx.cellA.id}&q=`;
    const checked = { masked: 0, shown: 0, auditShown: 0 };
    for (const role of ROLES) {
      const permissions = ROLE_PERMISSIONS[role];
      const sees = permissions.includes("member.sensitive");
      const session = await sessionFor(role, fx.communeA);
      const because = `${role} ${sees ? "with" : "without"} member.sensitive`;
      if (permissions.includes("member.read")) {
        const listed = await get(session, `${listUrl}${encodeURIComponent("mac thi rieng")}`);
        expect(
          listed.items.map((item) => item.citizenId),
          because,
        ).toEqual([sees ? citizenId : masked]);
        const otherReligion = await get(
          session,
          `${listUrl}${encodeURIComponent("mac thi rieng")}&religion=${encodeURIComponent("Không")}`,
        );
        expect(otherReligion.items.length, `${because}: religion filter`).toBe(sees ? 0 : 1);
        const byCitizenId = await get(session, `${listUrl}${citizenId}`);
        expect(byCitizenId.items.length, `${because}: citizen-ID search`).toBe(sees ? 1 : 0);
        const record = await get(session, `/api/members/${id}`);
        expect(record, because).toMatchObject(
          sees
            ? { citizenId, religion: "Công giáo", discipline: "Khiển trách 2024", canSeeSensitive: true }
            : { citizenId: masked, religion: null, discipline: null, canSeeSensitive: false },
        );
        checked[sees ? "shown" : "masked"] += 1;
      }
      if (permissions.includes("audit.read")) {
        const admission = await get(session, `/api/audit?entityType=member&entityId=${id}`);
        expect(admission.items[0]?.after, because).toMatchObject(
          sees
            ? { citizenId, religion: "Công giáo", discipline: "Khiển trách 2024" }
            : { citizenId: masked, religion: null, discipline: null },
        );
        const imported = await get(session, `/api/audit?entityType=member_import&entityId=matrix-${id}`);
        expect(imported.items[0]?.after, because).toEqual({
          rows: [{ record: { citizenId: sees ? citizenId : masked, religion: sees ? "Công giáo" : null } }],
        });
        if (sees) checked.auditShown += 1;
      }
    }
    // Both sides of the rule were exercised (today every audit reader holds member.sensitive; the
    // masked audit view is also checked for unfiled entries in audit.masking.int.test.ts).
    expect(checked.masked).toBeGreaterThan(0);
    expect(checked.shown).toBeGreaterThan(0);
    expect(checked.auditShown).toBeGreaterThan(0);
  });
});
