// In-app notifications: other modules address a notification to an organisation, or personally to one
// account, inside their own transaction (notify / notifyMany); an account reads its personal ones and
// those addressed to the organisations on which it holds a role itself — not every organisation of
// its subtree, so a province office is not flooded with every commune's reminders — and marks them
// read for itself.
import type { NotificationKind, NotificationList } from "@namro/contracts";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { presentNotification } from "./notifications.presenter.ts";
import * as repo from "./notifications.repository.ts";

export interface NotificationInput {
  /** Addressed to the accounts holding a role on this organisation; null: only to `accountId`. */
  orgId: number | null;
  /** Addressed personally to this account (with orgId null). */
  accountId?: number | null;
  kind: NotificationKind;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  /** A path in the web app, or null. */
  link: string | null;
  /** The same key twice sends once (e.g. one reminder per target per day); null: always sent. */
  dedupeKey: string | null;
  createdBy?: number | null;
}

export interface InboxQuery {
  unreadFirst: boolean;
  unreadOnly: boolean;
  page: number;
  pageSize: number;
}

/** The organisations whose notifications reach the actor: those it holds a role on directly. */
function inboxOrgIds(actor: Actor): number[] {
  return [...new Set(actor.grants.map((grant) => grant.orgId))];
}

function toRow(input: NotificationInput, now: Date): repo.NewNotificationRow {
  return {
    orgId: input.orgId,
    accountId: input.accountId ?? null,
    kind: input.kind,
    titleVi: input.titleVi.normalize("NFC"),
    titleEn: input.titleEn,
    bodyVi: input.bodyVi.normalize("NFC"),
    bodyEn: input.bodyEn,
    link: input.link,
    dedupeKey: input.dedupeKey,
    createdBy: input.createdBy ?? null,
    createdAt: now,
  };
}

export class NotificationsService {
  readonly #deps: ServiceDeps;
  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  // ---- for other modules, inside their transaction ------------------------------------------

  /** Sends one notification; false when one with the same dedupe key was already sent. */
  async notify(trx: Transaction<Database>, input: NotificationInput): Promise<boolean> {
    return (await this.notifyMany(trx, [input])).length === 1;
  }

  /** Sends several in batches; returns the inputs actually sent (the others were already sent). */
  async notifyMany(
    trx: Transaction<Database>,
    inputs: readonly NotificationInput[],
  ): Promise<NotificationInput[]> {
    const now = this.#deps.clock.now();
    const inserted = await repo.insertNotifications(
      trx,
      inputs.map((input) => toRow(input, now)),
    );
    return inserted.map((index) => inputs[index] as NotificationInput);
  }

  // ---- the actor's inbox --------------------------------------------------------------------

  async list(actor: Actor, query: InboxQuery): Promise<NotificationList> {
    const orgIds = inboxOrgIds(actor);
    const { page, pageSize } = query;
    const [rows, counts] = await Promise.all([
      repo.listInbox(this.#deps.db, {
        accountId: actor.accountId,
        orgIds,
        unreadFirst: query.unreadFirst,
        unreadOnly: query.unreadOnly,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      repo.countInbox(this.#deps.db, actor.accountId, orgIds),
    ]);
    return {
      items: rows.map(presentNotification),
      page,
      pageSize,
      total: query.unreadOnly ? counts.unread : counts.total,
      unread: counts.unread,
    };
  }

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    const counts = await repo.countInbox(this.#deps.db, actor.accountId, inboxOrgIds(actor));
    return { unread: counts.unread };
  }

  /** A notification outside the actor's inbox does not exist for it. */
  async markRead(actor: Actor, id: number): Promise<{ ok: true }> {
    const orgIds = inboxOrgIds(actor);
    if (!(await repo.inboxHas(this.#deps.db, actor.accountId, orgIds, id))) {
      throw new AppError("NOTIFICATION_NOT_FOUND");
    }
    await repo.markRead(this.#deps.db, actor.accountId, id, this.#deps.clock.now());
    return { ok: true };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const marked = await repo.markAllRead(
      this.#deps.db,
      actor.accountId,
      inboxOrgIds(actor),
      this.#deps.clock.now(),
    );
    return { marked };
  }
}
