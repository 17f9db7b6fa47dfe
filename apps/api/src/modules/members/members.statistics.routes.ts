// HTTP for the member statistics: the numbers as JSON, and the same numbers as an .xlsx workbook.
import { memberStatisticsRoutes as routes } from "@namro/contracts";
import type { FastifyInstance } from "fastify";
import { requireActor as actorOf } from "../../platform/auth/request-actor.ts";
import { access } from "../../platform/auth/route-access.ts";
import { requestLocale } from "../../platform/http/locale.ts";
import { registerRoute } from "../../platform/http/register-route.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function registerMemberStatisticsRoutes(app: FastifyInstance): void {
  const read = access.permission("member.read");
  const service = () => app.services.memberStatistics;

  registerRoute(app, routes.getMemberStatistics, read, async ({ query, request }) =>
    service().getStatistics(actorOf(request), query),
  );

  registerRoute(app, routes.exportMemberStatistics, read, async ({ query, request, reply }) => {
    const file = await service().exportStatistics(actorOf(request), query, requestLocale(request));
    reply
      .header("content-type", XLSX_TYPE)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store");
    return file.content;
  });
}
