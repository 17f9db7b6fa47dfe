// Membership events over HTTP: confirmation, leaving events closing the cell span, activity changes,
// date and status rules, and internal transfers (send, confirm, refuse, cancel) with "which cell on D"
// and "who was in cell C on D" across a confirmed transfer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createProvince } from "../../../test/factories.ts";
import { createMember } from "../../../test/member-factories.ts";
import { createTestApp, type TestApp, type TestSession } from "../../../test/test-app.ts";

let t: TestApp;
let p: Awaited<ReturnType<typeof createProvince>>;
let staff: TestSession; // committee_staff over the province
let secretaryA: TestSession; // cell_secretary of cell A
let secretaryB: TestSession; // cell_secretary of cell B

beforeAll(async () => {
  t = await createTestApp({ now: "2026-06-15T03:00:00Z" });
  p = await createProvince(t.database.db);
  staff = await t.actor([{ role: "committee_staff", orgId: p.province.id }]);
  secretaryA = await t.actor([{ role: "cell_secretary", orgId: p.cellA.id }]);
  secretaryB = await t.actor([{ role: "cell_secretary", orgId: p.cellB.id }]);
});
afterAll(async () => {
  await t.close();
});

interface Detail {
  id: number;
  version: number;
  status: string;
  activity: string;
  orgId: number;
  fullMemberOn: string | null;
  cellHistory: { orgId: number; validFrom: string; validTo: string | null }[];
  events: {
    kind: string;
    state: string;
    statusBefore: string | null;
    statusAfter: string | null;
    recordedByName: string | null;
    toOrgName: string | null;
  }[];
}

async function record(session: TestSession, id: number, body: Record<string, unknown>) {
  return t.call(session, { method: "POST", url: `/api/members/${id}/events`, payload: body });
}

async function detail(session: TestSession, id: number): Promise<Detail> {
  return (await t.call(session, { method: "GET", url: `/api/members/${id}` })).json() as Detail;
}

function issuePaths(body: unknown): string[] {
  return ((body as { error: { issues?: { path: string }[] } }).error.issues ?? []).map((i) => i.path);
}

describe("POST /api/members/:id/events", () => {
  it("confirms a probationary member no earlier than 12 months after admission", async () => {
    const m = await createMember(t.database.db, p.cellA.id, {
      fullName: "Lục Văn Thử",
      status: "probationary",
      admittedOn: "2025-09-01",
    });
    const early = await record(secretaryA, m.id, {
      kind: "confirmation",
      occurredOn: "2026-03-01",
      version: 1,
    });
    expect(early.statusCode).toBe(400);
    expect(issuePaths(early.json())).toEqual(["body.occurredOn"]);
    const m2 = await createMember(t.database.db, p.cellA.id, {
      fullName: "Lục Văn Đạt",
      status: "probationary",
      admittedOn: "2025-05-01",
    });
    const ok = await record(secretaryA, m2.id, {
      kind: "confirmation",
      occurredOn: "2026-05-02",
      decisionRef: "12-QĐ/ĐU",
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as Detail;
    expect(body).toMatchObject({ status: "full", fullMemberOn: "2026-05-02", version: 2 });
    expect(body.events.at(-1)).toMatchObject({
      kind: "confirmation",
      statusBefore: "probationary",
      statusAfter: "full",
      state: "done",
    });
    expect(body.events.at(-1)?.recordedByName).toContain(secretaryA.username);
    const again = await record(secretaryA, m2.id, {
      kind: "confirmation",
      occurredOn: "2026-05-03",
      version: 2,
    });
    expect(again.json()).toMatchObject({ error: { code: "MEMBER_EVENT_NOT_ALLOWED" } });
  });

  it("checks the version, the event date and the member's status", async () => {
    const m = await createMember(t.database.db, p.cellA.id, {
      fullName: "Mạc Văn Ngày",
      admittedOn: "2015-01-01",
    });
    expect(
      (await record(secretaryA, m.id, { kind: "exemption", occurredOn: "2024-01-01", version: 7 })).json(),
    ).toMatchObject({
      error: { code: "MEMBER_VERSION_CONFLICT" },
    });
    for (const occurredOn of ["2014-12-31", "2026-06-16"]) {
      const response = await record(secretaryA, m.id, { kind: "exemption", occurredOn, version: 1 });
      expect(response.statusCode).toBe(400);
      expect(issuePaths(response.json())).toEqual(["body.occurredOn"]);
    }
    expect(
      (
        await record(secretaryA, m.id, {
          kind: "temporary_activity",
          occurredOn: "2024-01-01",
          destination: "Hà Nội",
          version: 1,
        })
      ).statusCode,
    ).toBe(200);
    // Not before the latest event.
    const before = await record(secretaryA, m.id, {
      kind: "regular_activity",
      occurredOn: "2023-12-31",
      version: 2,
    });
    expect(issuePaths(before.json())).toEqual(["body.occurredOn"]);
    const back = await record(secretaryA, m.id, {
      kind: "regular_activity",
      occurredOn: "2024-06-01",
      version: 2,
    });
    expect(back.json()).toMatchObject({ activity: "regular", version: 3 });
    expect(
      (await record(secretaryA, m.id, { kind: "regular_activity", occurredOn: "2024-07-01", version: 3 }))
        .statusCode,
    ).toBe(409);
    const badKind = await record(secretaryA, m.id, {
      kind: "resurrection",
      occurredOn: "2024-07-01",
      version: 3,
    });
    expect(badKind.statusCode).toBe(400);
    const outsider = await createMember(t.database.db, p.cellB.id, { fullName: "Mạc Văn Xa" });
    expect(
      (await record(secretaryA, outsider.id, { kind: "exemption", occurredOn: "2024-01-01", version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.call(null, { method: "POST", url: `/api/members/${m.id}/events`, payload: {} })).statusCode,
    ).toBe(401);
  });

  it("closes the cell span when a member dies, leaves or is transferred outside; no event after", async () => {
    const cases = [
      { kind: "death", status: "deceased" },
      { kind: "name_deletion", status: "name_deleted" },
      { kind: "expulsion", status: "expelled" },
      { kind: "leaving", status: "left" },
      { kind: "transfer_external", status: "transferred_out", destination: "Đảng bộ Công an tỉnh" },
    ];
    for (const c of cases) {
      const m = await createMember(t.database.db, p.cellA.id, { fullName: `Ninh Văn ${c.kind}` });
      const response = await record(staff, m.id, {
        ...c,
        occurredOn: "2025-02-03",
        version: 1,
        status: undefined,
      });
      expect(response.statusCode, c.kind).toBe(200);
      const body = response.json() as Detail;
      expect(body.status).toBe(c.status);
      expect(body.cellHistory).toEqual([
        expect.objectContaining({ orgId: p.cellA.id, validTo: "2025-02-03" }),
      ]);
      expect(body.events.map((e) => e.kind)).toEqual(["admission", c.kind]);
      const after = await record(staff, m.id, { kind: "exemption", occurredOn: "2025-03-01", version: 2 });
      expect(after.json()).toMatchObject({ error: { code: "MEMBER_EVENT_NOT_ALLOWED" } });
    }
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("action", "=", "member.event")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(cases.length);
  });
});

describe("transfers inside the system", () => {
  it("moves a member when the receiving cell confirms, and answers membership on a date", async () => {
    const m = await createMember(t.database.db, p.cellA.id, {
      fullName: "Quách Văn Chuyển",
      admittedOn: "2015-01-01",
    });
    const sent = await record(secretaryA, m.id, {
      kind: "transfer_internal",
      toOrgId: p.cellB.id,
      occurredOn: "2025-03-01",
      version: 1,
    });
    expect(sent.statusCode).toBe(200);
    expect((sent.json() as Detail).events.at(-1)).toMatchObject({
      kind: "transfer_internal",
      state: "pending",
      toOrgName: p.cellB.name,
    });
    // A second transfer (or leaving) while one is pending is refused.
    const second = await record(secretaryA, m.id, {
      kind: "transfer_internal",
      toOrgId: p.cellB.id,
      occurredOn: "2025-03-02",
      version: 2,
    });
    expect(second.json()).toMatchObject({ error: { code: "MEMBER_TRANSFER_PENDING" } });

    const incoming = (await t.call(secretaryB, { method: "GET", url: "/api/member-transfers" })).json() as {
      incoming: { eventId: number; canDecide: boolean; canCancel: boolean; memberName: string }[];
      outgoing: unknown[];
    };
    expect(incoming.outgoing).toEqual([]);
    const transfer = incoming.incoming.find((row) => row.memberName === "Quách Văn Chuyển");
    expect(transfer).toMatchObject({ canDecide: true, canCancel: false });
    const outgoing = (await t.call(secretaryA, { method: "GET", url: "/api/member-transfers" })).json() as {
      outgoing: { eventId: number; canCancel: boolean; canDecide: boolean }[];
    };
    expect(outgoing.outgoing.find((row) => row.eventId === transfer?.eventId)).toMatchObject({
      canCancel: true,
      canDecide: false,
    });

    // The sender cannot confirm it; the receiver does.
    const url = `/api/member-transfers/${transfer?.eventId}/confirm`;
    expect((await t.call(secretaryA, { method: "POST", url, payload: {} })).statusCode).toBe(403);
    const badDate = await t.call(secretaryB, { method: "POST", url, payload: { effectiveOn: "2025-02-01" } });
    expect(issuePaths(badDate.json())).toEqual(["body.effectiveOn"]);
    const confirmed = await t.call(secretaryB, {
      method: "POST",
      url,
      payload: { effectiveOn: "2025-03-10" },
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await t.call(secretaryB, { method: "POST", url, payload: {} })).json()).toMatchObject({
      error: { code: "MEMBER_TRANSFER_DECIDED" },
    });

    const moved = await detail(secretaryB, m.id);
    expect(moved.orgId).toBe(p.cellB.id);
    expect(moved.cellHistory).toEqual([
      expect.objectContaining({ orgId: p.cellA.id, validFrom: "2015-01-01", validTo: "2025-03-10" }),
      expect.objectContaining({ orgId: p.cellB.id, validFrom: "2025-03-10", validTo: null }),
    ]);
    expect(moved.events.at(-1)).toMatchObject({ kind: "transfer_internal", state: "done" });
    // The sending cell no longer sees the member.
    expect((await t.call(secretaryA, { method: "GET", url: `/api/members/${m.id}` })).statusCode).toBe(404);

    const cellOn = async (on: string) =>
      (await t.call(staff, { method: "GET", url: `/api/members/${m.id}/cell?on=${on}` })).json() as {
        orgId: number;
      } | null;
    expect((await cellOn("2025-03-09"))?.orgId).toBe(p.cellA.id);
    expect((await cellOn("2025-03-10"))?.orgId).toBe(p.cellB.id);
    expect(await cellOn("2014-12-31")).toBeNull();
    const bad = await t.call(staff, { method: "GET", url: `/api/members/${m.id}/cell?on=yesterday` });
    expect(issuePaths(bad.json())).toEqual(["querystring.on"]);

    const membersOf = async (orgId: number, asOf: string) => {
      const page = (
        await t.call(staff, { method: "GET", url: `/api/members?orgId=${orgId}&asOf=${asOf}&q=quach` })
      ).json() as {
        items: { id: number; orgId: number }[];
      };
      return page.items.map((item) => item.id);
    };
    expect(await membersOf(p.cellA.id, "2025-03-09")).toEqual([m.id]);
    expect(await membersOf(p.cellB.id, "2025-03-09")).toEqual([]);
    expect(await membersOf(p.cellA.id, "2025-03-10")).toEqual([]);
    expect(await membersOf(p.cellB.id, "2025-03-10")).toEqual([m.id]);
  });

  it("lets the receiver refuse and the sender cancel, and refuses bad receiving cells", async () => {
    const m = await createMember(t.database.db, p.cellA.id, { fullName: "Tôn Văn Ở" });
    const same = await record(secretaryA, m.id, {
      kind: "transfer_internal",
      toOrgId: p.cellA.id,
      occurredOn: "2025-03-01",
      version: 1,
    });
    expect(issuePaths(same.json())).toEqual(["body.toOrgId"]);
    const notCell = await record(secretaryA, m.id, {
      kind: "transfer_internal",
      toOrgId: p.communeB.id,
      occurredOn: "2025-03-01",
      version: 1,
    });
    expect(notCell.json()).toMatchObject({ error: { issues: [{ path: "body.toOrgId" }] } });

    const send = async (version: number) => {
      const response = await record(secretaryA, m.id, {
        kind: "transfer_internal",
        toOrgId: p.cellB.id,
        occurredOn: "2025-03-01",
        version,
      });
      expect(response.statusCode).toBe(200);
      const events = (response.json() as { events: { id: number }[] }).events;
      return events.at(-1)?.id ?? 0;
    };
    const first = await send(1);
    expect(
      (
        await t.call(secretaryB, {
          method: "POST",
          url: `/api/member-transfers/${first}/refuse`,
          payload: { note: "Chưa đủ hồ sơ" },
        })
      ).statusCode,
    ).toBe(200);
    const second = await send(3);
    expect(
      (
        await t.call(secretaryB, {
          method: "POST",
          url: `/api/member-transfers/${second}/cancel`,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call(secretaryA, {
          method: "POST",
          url: `/api/member-transfers/${second}/cancel`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    const after = await detail(secretaryA, m.id);
    expect(after.orgId).toBe(p.cellA.id);
    expect(after.events.filter((e) => e.kind === "transfer_internal").map((e) => e.state)).toEqual([
      "refused",
      "cancelled",
    ]);
    const outsider = await createOrg(t.database.db, null, { typeCode: "tinh_uy" });
    const foreign = await createOrg(t.database.db, outsider, { typeCode: "chi_bo_truc_thuoc" });
    const foreignMember = await createMember(t.database.db, foreign.id, { fullName: "Ngoại Văn Tỉnh" });
    const hidden = await t.database.db
      .insertInto("memberEvents")
      .values({
        memberId: foreignMember.id,
        kind: "transfer_internal",
        occurredOn: "2025-01-01",
        state: "pending",
        fromOrgId: foreign.id,
        toOrgId: foreign.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(
      (
        await t.call(staff, {
          method: "POST",
          url: `/api/member-transfers/${hidden.id}/confirm`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("posts", () => {
  it("records concurrent posts (a Party secretary who chairs the People's Council) and ends one", async () => {
    const types = (await t.call(secretaryA, { method: "GET", url: "/api/member-post-types" })).json() as {
      items: { code: string }[];
    };
    expect(types.items.map((type) => type.code)).toEqual(expect.arrayContaining(["bi_thu", "chu_tich_hdnd"]));
    const m = await createMember(t.database.db, p.cellA.id, { fullName: "Kim Văn Kiêm" });
    const add = (body: Record<string, unknown>) =>
      t.call(staff, { method: "POST", url: `/api/members/${m.id}/posts`, payload: body });
    expect(
      (await add({ postType: "bi_thu", heldAt: "Đảng ủy xã", startedOn: "2020-10-01", version: 1 }))
        .statusCode,
    ).toBe(200);
    const both = await add({
      postType: "chu_tich_hdnd",
      heldAt: "HĐND xã Tân Hưng",
      startedOn: "2021-06-01",
      version: 2,
    });
    expect(both.statusCode).toBe(200);
    const posts = (
      both.json() as { posts: { id: number; postType: string; postNameVi: string; endedOn: string | null }[] }
    ).posts;
    expect(posts.map((post) => [post.postType, post.endedOn])).toEqual([
      ["bi_thu", null],
      ["chu_tich_hdnd", null],
    ]);
    expect(posts[1]?.postNameVi).toBe("Chủ tịch Hội đồng nhân dân");
    const filtered = (
      await t.call(staff, { method: "GET", url: `/api/members?orgId=${p.cellA.id}&postType=chu_tich_hdnd` })
    ).json() as {
      items: { id: number }[];
    };
    expect(filtered.items.map((item) => item.id)).toEqual([m.id]);

    const unknown = await add({ postType: "vua", startedOn: "2021-06-01", version: 3 });
    expect(issuePaths(unknown.json())).toEqual(["body.postType"]);
    const reversed = await add({
      postType: "bi_thu",
      startedOn: "2021-06-01",
      endedOn: "2021-01-01",
      version: 3,
    });
    expect(issuePaths(reversed.json())).toEqual(["body.endedOn"]);

    const postId = posts[1]?.id;
    const end = (body: Record<string, unknown>) =>
      t.call(staff, { method: "PUT", url: `/api/members/${m.id}/posts/${postId}`, payload: body });
    expect((await end({ endedOn: "2026-01-01", version: 1 })).statusCode).toBe(409);
    const ended = await end({ endedOn: "2026-01-01", version: 3 });
    expect(ended.statusCode).toBe(200);
    expect((await end({ endedOn: "2026-01-02", version: 4 })).json()).toMatchObject({
      error: { code: "MEMBER_POST_ALREADY_ENDED" },
    });
    expect(
      (
        await t.call(staff, {
          method: "PUT",
          url: `/api/members/${m.id}/posts/999999`,
          payload: { endedOn: "2026-01-01", version: 4 },
        })
      ).statusCode,
    ).toBe(404);
  });
});
