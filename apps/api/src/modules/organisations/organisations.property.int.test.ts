// Property: after any random sequence of restructurings (some of them invalid) the tree is still a
// tree, paths are consistent, lineage is complete, and the tree "as of" any date equals the tree
// obtained by replaying the accepted operations in memory up to that date.
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/test-database.ts";
import type { DatabaseHandle } from "../../db/database.ts";
import type { AuditContext } from "../../platform/audit/audit-writer.ts";
import { type Actor, installerActor } from "../../platform/auth/actor.ts";
import { fixedClock } from "../../platform/clock.ts";
import { AppError } from "../../platform/errors.ts";
import { OrganisationsService } from "./organisations.service.ts";

const AUDIT: AuditContext = { actorId: null, actorName: "property test", requestId: null };
const START = "2020-01-01";
const TYPES = ["dang_uy_xa", "dang_uy_co_so", "chi_bo_truc_thuoc", "to_dang"] as const;

interface ModelOrg {
  name: string;
  typeCode: string;
  parentId: number | null;
  active: boolean;
}
type Model = Map<number, ModelOrg>;

type Op =
  | { kind: "create"; parent: number; type: number; dayStep: number }
  | { kind: "rename"; subject: number; dayStep: number }
  | { kind: "move"; subject: number; parent: number; dayStep: number }
  | { kind: "merge"; sources: number[]; target: number; intoNew: boolean; type: number; dayStep: number }
  | { kind: "split"; subject: number; parts: number; picks: number[]; dropOne: boolean; dayStep: number }
  | { kind: "dissolve"; subject: number; dayStep: number }
  | {
      kind: "invalid";
      what: "future" | "beforeExistence" | "cycle" | "closed" | "stale";
      subject: number;
      dayStep: number;
    };

const index = fc.nat({ max: 1000 });
const step = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 }));
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), parent: index, type: fc.nat({ max: 3 }), dayStep: step }),
  fc.record({ kind: fc.constant("rename" as const), subject: index, dayStep: step }),
  fc.record({ kind: fc.constant("move" as const), subject: index, parent: index, dayStep: step }),
  fc.record({
    kind: fc.constant("merge" as const),
    sources: fc.array(index, { minLength: 1, maxLength: 3 }),
    target: index,
    intoNew: fc.boolean(),
    type: fc.nat({ max: 3 }),
    dayStep: step,
  }),
  fc.record({
    kind: fc.constant("split" as const),
    subject: index,
    parts: fc.integer({ min: 2, max: 3 }),
    picks: fc.array(fc.nat({ max: 2 }), { minLength: 6, maxLength: 6 }),
    dropOne: fc.boolean(),
    dayStep: step,
  }),
  fc.record({ kind: fc.constant("dissolve" as const), subject: index, dayStep: step }),
  fc.record({
    kind: fc.constant("invalid" as const),
    what: fc.constantFrom(
      "future" as const,
      "beforeExistence" as const,
      "cycle" as const,
      "closed" as const,
      "stale" as const,
    ),
    subject: index,
    dayStep: step,
  }),
);

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

let database: DatabaseHandle;
let service: OrganisationsService;
let allowed: Map<string, string[]>;
beforeAll(async () => {
  database = await openTestDatabase();
  service = new OrganisationsService({ db: database.db, clock: fixedClock("2026-03-15T03:00:00Z") });
  allowed = new Map((await service.listOrgTypes()).map((type) => [type.code, type.allowedChildTypes]));
});
afterAll(async () => {
  await database?.close();
});

function adminOf(rootId: number): Actor {
  return installerActor(0, "Property test", { id: rootId, code: "", name: "", path: String(rootId) });
}

async function snapshot(): Promise<string> {
  const db = database.db;
  const [orgs, versions, counts] = await Promise.all([
    db.selectFrom("organisations").selectAll().orderBy("id").execute(),
    db.selectFrom("orgVersions").selectAll().orderBy("id").execute(),
    sql`SELECT (SELECT count(*) FROM org_events) AS e, (SELECT count(*) FROM org_lineage) AS l,
      (SELECT count(*) FROM org_event_parts) AS p, (SELECT count(*) FROM audit_log) AS a`.execute(db),
  ]);
  return JSON.stringify({ orgs, versions, counts: counts.rows });
}

async function versionOf(id: number): Promise<number> {
  return (
    await database.db
      .selectFrom("organisations")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).version;
}

/** The tree the service shows (as of `asOf`, or now) as sorted rows. */
async function serviceTree(actor: Actor, asOf: string | undefined) {
  type Row = { id: number; name: string; typeCode: string; parentId: number | null };
  const rows: Row[] = [];
  const queue: Row[] = (await service.listRoots(actor, asOf)).map((o) => ({ ...o, parentId: null }));
  while (queue.length > 0) {
    const org = queue.shift() as Row;
    rows.push({ id: org.id, name: org.name, typeCode: org.typeCode, parentId: org.parentId });
    for (const child of await service.listChildren(actor, org.id, asOf ? { asOf } : {})) queue.push(child);
  }
  return rows.sort((a, b) => a.id - b.id);
}

function modelTree(model: Model, rootId: number) {
  return [...model]
    .filter(([, org]) => org.active)
    .map(([id, org]) => ({
      id,
      name: org.name,
      typeCode: org.typeCode,
      parentId: id === rootId ? null : org.parentId,
    }))
    .sort((a, b) => a.id - b.id);
}

const clone = (model: Model): Model => new Map([...model].map(([id, org]) => [id, { ...org }]));

describe("restructuring sequences", () => {
  it("keep the tree consistent and the past replayable", async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 3, maxLength: 10 }), async (ops) => {
        // A fresh small province for each run.
        const seed = async (parentId: number | null, typeCode: string, actor: Actor | null) => {
          const name = `Tổ chức ${++counter}`;
          const result = await service.createOrg(
            actor ?? adminOf(0),
            { effectiveDate: START, reason: "khởi tạo", name, typeCode, parentId },
            AUDIT,
          );
          return result.organisations[0]?.id as number;
        };
        // Roots are created by a system administrator holding some root (any top-level path).
        const rootId = await seed(null, "tinh_uy", null);
        const actor = adminOf(rootId);
        const model: Model = new Map([
          [rootId, { name: `Tổ chức ${counter}`, typeCode: "tinh_uy", parentId: null, active: true }],
        ]);
        for (let c = 0; c < 2; c++) {
          const commune = await seed(rootId, "dang_uy_xa", actor);
          model.set(commune, {
            name: `Tổ chức ${counter}`,
            typeCode: "dang_uy_xa",
            parentId: rootId,
            active: true,
          });
          for (let k = 0; k < 2; k++) {
            const cell = await seed(commune, "chi_bo_truc_thuoc", actor);
            model.set(cell, {
              name: `Tổ chức ${counter}`,
              typeCode: "chi_bo_truc_thuoc",
              parentId: commune,
              active: true,
            });
          }
        }
        const history: { date: string; model: Model }[] = [{ date: START, model: clone(model) }];
        let date = START;

        const ids = () => [...model.keys()];
        const nonRoot = () => ids().filter((id) => id !== rootId);
        const pick = (list: number[], n: number) => list[n % list.length] as number;
        const active = () => nonRoot().filter((id) => model.get(id)?.active);
        const childrenOf = (id: number) =>
          ids().filter((c) => model.get(c)?.active && model.get(c)?.parentId === id);
        const descendantsOf = (id: number): number[] =>
          childrenOf(id).flatMap((c) => [c, ...descendantsOf(c)]);
        const basis = () => ({ effectiveDate: date, reason: "thử" });
        const typeOf = (id: number) => (model.get(id) as ModelOrg).typeCode;
        // Mostly plausible choices (so that many operations are accepted), sometimes any organisation.
        const plausible = (n: number, list: number[], fits: (id: number) => boolean) => {
          const fitting = list.filter(fits);
          return n % 5 === 0 || fitting.length === 0 ? pick(ids(), n) : pick(fitting, n);
        };
        const activeAll = () => ids().filter((id) => model.get(id)?.active);

        for (const op of ops) {
          date = addDays(date, op.dayStep);
          const before = await snapshot();
          const attempt = async (
            run: () => Promise<{ organisations: { id: number }[] }>,
            apply: (ids: number[]) => void,
          ) => {
            try {
              const result = await run();
              apply(result.organisations.map((o) => o.id));
              history.push({ date, model: clone(model) });
              return true;
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              expect(await snapshot()).toBe(before);
              return false;
            }
          };
          if (op.kind === "create") {
            const typeCode = TYPES[op.type] as string;
            const parent = plausible(
              op.parent,
              activeAll(),
              (p) => allowed.get(typeOf(p))?.includes(typeCode) ?? false,
            );
            const name = `Tổ chức ${++counter}`;
            await attempt(
              () => service.createOrg(actor, { ...basis(), name, typeCode, parentId: parent }, AUDIT),
              ([id]) => model.set(id as number, { name, typeCode, parentId: parent, active: true }),
            );
          } else if (op.kind === "rename" && nonRoot().length > 0) {
            const id = pick(nonRoot(), op.subject);
            const name = `Tổ chức ${++counter} đổi tên`;
            await attempt(
              async () =>
                service.renameOrg(actor, id, { ...basis(), name, version: await versionOf(id) }, AUDIT),
              () => {
                (model.get(id) as ModelOrg).name = name;
              },
            );
          } else if (op.kind === "move" && nonRoot().length > 0) {
            const id = plausible(op.subject, active(), () => true);
            if (id === rootId) continue;
            const parent = plausible(
              op.parent,
              activeAll(),
              (p) => p !== model.get(id)?.parentId && (allowed.get(typeOf(p))?.includes(typeOf(id)) ?? false),
            );
            await attempt(
              async () =>
                service.moveOrg(
                  actor,
                  id,
                  { ...basis(), newParentId: parent, version: await versionOf(id) },
                  AUDIT,
                ),
              () => {
                (model.get(id) as ModelOrg).parentId = parent;
              },
            );
          } else if (op.kind === "merge" && nonRoot().length > 0) {
            const first = plausible(op.sources[0] ?? 0, active(), () => true);
            if (first === rootId) continue;
            const sameType = (id: number) => typeOf(id) === typeOf(first);
            const sources = [
              ...new Set([first, ...op.sources.slice(1).map((n) => plausible(n, active(), sameType))]),
            ];
            const typeCode = op.type % 2 === 0 ? typeOf(first) : (TYPES[op.type] as string);
            const anchor = op.intoNew
              ? plausible(op.target, activeAll(), (p) => allowed.get(typeOf(p))?.includes(typeCode) ?? false)
              : plausible(op.target, active(), (p) => sameType(p) && !sources.includes(p));
            const name = `Tổ chức ${++counter} hợp nhất`;
            const target = op.intoNew ? { name, typeCode, parentId: anchor } : { existingId: anchor };
            await attempt(
              () => service.mergeOrgs(actor, { ...basis(), sourceIds: sources, target }, AUDIT),
              ([targetId]) => {
                const tid = targetId as number;
                if (op.intoNew) model.set(tid, { name, typeCode, parentId: anchor, active: true });
                for (const source of sources)
                  for (const child of childrenOf(source)) (model.get(child) as ModelOrg).parentId = tid;
                for (const source of sources) (model.get(source) as ModelOrg).active = false;
              },
            );
          } else if (op.kind === "split" && nonRoot().length > 0) {
            const id = plausible(op.subject, active(), () => true);
            if (id === rootId) continue;
            const org = model.get(id) as ModelOrg;
            const children = childrenOf(id);
            const assignments = children.map((childId, i) => ({
              childId,
              partIndex: (op.picks[i % 6] ?? 0) % op.parts,
            }));
            const dropped = op.dropOne && assignments.length > 0;
            if (dropped) assignments.pop();
            const parts = Array.from({ length: op.parts }, (_, i) => ({
              name: `Tổ chức ${++counter} phần ${i + 1}`,
              typeCode: org.typeCode,
            }));
            const accepted = await attempt(
              async () =>
                service.splitOrg(
                  actor,
                  id,
                  { ...basis(), parts, childAssignments: assignments, version: await versionOf(id) },
                  AUDIT,
                ),
              ([, ...partIds]) => {
                partIds.forEach((partId, i) => {
                  model.set(partId, {
                    name: (parts[i] as { name: string }).name,
                    typeCode: org.typeCode,
                    parentId: org.parentId,
                    active: true,
                  });
                });
                for (const a of assignments)
                  (model.get(a.childId) as ModelOrg).parentId = partIds[a.partIndex] as number;
                org.active = false;
              },
            );
            if (dropped) expect(accepted).toBe(false);
          } else if (op.kind === "dissolve" && nonRoot().length > 0) {
            const id = plausible(op.subject, active(), (d) => childrenOf(d).length === 0);
            if (id === rootId) continue;
            const hasChildren = childrenOf(id).length > 0;
            const accepted = await attempt(
              async () => service.dissolveOrg(actor, id, { ...basis(), version: await versionOf(id) }, AUDIT),
              () => {
                (model.get(id) as ModelOrg).active = false;
              },
            );
            if (hasChildren) expect(accepted).toBe(false);
          } else if (op.kind === "invalid") {
            const candidates =
              op.what === "closed" ? nonRoot().filter((id) => !model.get(id)?.active) : active();
            if (candidates.length === 0) continue;
            const id = pick(candidates, op.subject);
            const version = await versionOf(id);
            const rename = (effectiveDate: string, v = version) =>
              service.renameOrg(
                actor,
                id,
                { effectiveDate, reason: "sai", name: "Tên sai", version: v },
                AUDIT,
              );
            const expected = {
              future: ["ORG_DATE_IN_FUTURE"],
              beforeExistence: ["ORG_DATE_BEFORE_EXISTENCE"],
              cycle: ["ORG_MOVE_CYCLE"],
              closed: ["ORG_CLOSED"],
              stale: ["CONFLICT_STALE_VERSION"],
            }[op.what];
            const run = {
              future: () => rename("2026-03-16"),
              beforeExistence: () => rename("2019-06-01"),
              closed: () => rename(date),
              stale: () => rename(date, version + 1),
              cycle: () => {
                const inside = descendantsOf(id);
                const parent = inside.length > 0 ? pick(inside, op.subject) : id;
                return service.moveOrg(actor, id, { ...basis(), newParentId: parent, version }, AUDIT);
              },
            }[op.what];
            const error = await run().then(
              () => null,
              (e: unknown) => e,
            );
            expect(error).toBeInstanceOf(AppError);
            expect(expected).toContain((error as AppError).code);
            expect(await snapshot()).toBe(before);
          }
        }

        // Paths: every active organisation sits at its parent's path plus its own id.
        const rows = await database.db
          .selectFrom("organisations")
          .selectAll()
          .where(sql<boolean>`path <@ ${String(rootId)}::ltree`)
          .execute();
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const row of rows.filter((r) => r.status === "active")) {
          const parent = row.parentId === null ? null : byId.get(row.parentId);
          expect(row.path).toBe(parent ? `${parent.path}.${row.id}` : String(row.id));
          // The chain reaches the root through active organisations, without a cycle.
          const seen = new Set<number>();
          let current: typeof row | undefined = row;
          while (current && current.parentId !== null) {
            expect(seen.has(current.id)).toBe(false);
            seen.add(current.id);
            current = byId.get(current.parentId);
            expect(current?.status).toBe("active");
          }
          expect(current?.id).toBe(rootId);
        }
        // Lineage: every merged or split organisation has successors.
        for (const row of rows.filter((r) => r.status === "merged" || r.status === "split")) {
          const lineage = await database.db
            .selectFrom("orgLineage")
            .select("successorId")
            .where("predecessorId", "=", row.id)
            .execute();
          expect(lineage.length).toBeGreaterThanOrEqual(row.status === "split" ? 2 : 1);
        }
        // Now and in the past, the service shows what replaying the accepted operations gives.
        expect(await serviceTree(actor, undefined)).toEqual(modelTree(model, rootId));
        const dates = [...new Set(history.map((h) => h.date))];
        const sampled = [
          "2019-12-31",
          ...dates.slice(-3),
          ...dates
            .slice(1)
            .map((d) => addDays(d, -1))
            .slice(-2),
          dates[Math.floor(dates.length / 2)] as string,
        ];
        for (const day of [...new Set(sampled)]) {
          const state = history.filter((h) => h.date <= day).at(-1)?.model ?? new Map();
          expect(await serviceTree(actor, day), `as of ${day}`).toEqual(modelTree(state, rootId));
        }
      }),
      { numRuns: 40 },
    );
  });
});
