// The composition root of the domain: one instance of each service, wired to the database and clock.
import type { AppConfig } from "./config.ts";
import { AccountsService } from "./modules/accounts/accounts.service.ts";
import { AuditService } from "./modules/audit/audit.service.ts";
import { AuthService } from "./modules/auth/auth.service.ts";
import { DocumentCascadesService } from "./modules/documents/documents.cascades.service.ts";
import { DocumentReferenceDataService } from "./modules/documents/documents.reference-data.service.ts";
import { DocumentSearchService } from "./modules/documents/documents.search.service.ts";
import { DocumentsService } from "./modules/documents/documents.service.ts";
import { DocumentUploadsService } from "./modules/documents/documents.uploads.service.ts";
import { MemberExportService } from "./modules/members/members.export.ts";
import { MemberImportsService } from "./modules/members/members.import.service.ts";
import { MembersService } from "./modules/members/members.service.ts";
import { MemberStatisticsService } from "./modules/members/members.statistics.ts";
import { NotificationsService } from "./modules/notifications/notifications.service.ts";
import { OrganisationsService } from "./modules/organisations/organisations.service.ts";
import { PlanCheckerService } from "./modules/plan-checker/plan-checker.service.ts";
import { SystemService } from "./modules/system/system.service.ts";
import { TaskAssigneesService } from "./modules/tasks/tasks.assignees.ts";
import { TaskReportsService } from "./modules/tasks/tasks.reports.service.ts";
import { TaskRollupsService } from "./modules/tasks/tasks.rollups.service.ts";
import { TasksService } from "./modules/tasks/tasks.service.ts";
import { TaskTodoService } from "./modules/tasks/tasks.todo.service.ts";
import type { ServiceDeps } from "./platform/service-deps.ts";

export interface Services {
  organisations: OrganisationsService;
  auth: AuthService;
  accounts: AccountsService;
  audit: AuditService;
  system: SystemService;
  members: MembersService;
  memberStatistics: MemberStatisticsService;
  memberImports: MemberImportsService;
  memberExport: MemberExportService;
  documentUploads: DocumentUploadsService;
  documentReferenceData: DocumentReferenceDataService;
  documents: DocumentsService;
  documentSearch: DocumentSearchService;
  notifications: NotificationsService;
  documentCascades: DocumentCascadesService;
  taskAssignees: TaskAssigneesService;
  taskRollups: TaskRollupsService;
  taskReports: TaskReportsService;
  taskTodo: TaskTodoService;
  tasks: TasksService;
  planChecker: PlanCheckerService;
}

export function createServices(
  deps: ServiceDeps,
  config: Pick<AppConfig, "sessionTtlHours"> & Partial<Pick<AppConfig, "sessionCacheMs">>,
): Services {
  const organisations = new OrganisationsService(deps);
  const auth = new AuthService(deps, {
    sessionTtlHours: config.sessionTtlHours,
    ...(config.sessionCacheMs === undefined ? {} : { sessionCacheTtlMs: config.sessionCacheMs }),
  });
  const accounts = new AccountsService(deps, organisations);
  const audit = new AuditService(deps, organisations);
  const members = new MembersService(deps);
  const memberStatistics = new MemberStatisticsService(deps, organisations, members);
  const notifications = new NotificationsService(deps);
  const documentReferenceData = new DocumentReferenceDataService(deps);
  const documentUploads = new DocumentUploadsService(deps, documentReferenceData);
  const documents = new DocumentsService(deps, documentReferenceData, documentUploads);
  const tasks = new TasksService(deps, documents);
  return {
    organisations,
    auth,
    accounts,
    audit,
    system: new SystemService(deps),
    members,
    memberStatistics,
    memberImports: new MemberImportsService(deps),
    memberExport: new MemberExportService(deps, members, memberStatistics),
    documentUploads,
    documentReferenceData,
    documents,
    documentSearch: new DocumentSearchService(deps),
    notifications,
    documentCascades: new DocumentCascadesService(deps, notifications),
    taskAssignees: new TaskAssigneesService(deps),
    taskRollups: new TaskRollupsService(deps, documents),
    taskReports: new TaskReportsService(deps, tasks),
    taskTodo: new TaskTodoService(deps),
    tasks,
    planChecker: new PlanCheckerService(organisations, tasks),
  };
}
