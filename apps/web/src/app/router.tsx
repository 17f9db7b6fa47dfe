// Code-based routes. Pages are lazy chunks so the first load on a phone carries only the shell.
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { validateCoverageSearch } from "../features/document-coverage/coverage-search.ts";
import {
  validateDocumentPageSearch,
  validateDocumentsSearch,
} from "../features/documents/documents-search.ts";
import { validateStatisticsSearch } from "../features/member-statistics/statistics-search.ts";
import { validateImportSearch } from "../features/members/import/import-search.ts";
import { validateMembersSearch } from "../features/members/members-search.ts";
import { validateInboxSearch } from "../features/notifications/inbox-search.ts";
import { validatePlanCheckerSearch } from "../features/plan-checker/plan-checker-search.ts";
import { validateRollupSearch } from "../features/task-dashboard/rollup-search.ts";
import { validateAwaitingSearch } from "../features/tasks/reports/awaiting-search.ts";
import {
  validateNewTaskSearch,
  validateTaskPageSearch,
  validateTasksSearch,
} from "../features/tasks/tasks-search.ts";
import { AppShell } from "./AppShell.tsx";
import { homePath } from "./home.ts";
import { NotFoundPage } from "./NotFoundPage.tsx";
import { PageLoading } from "./PageLoading.tsx";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AsOfSearch {
  asOf?: string;
}
function validateAsOf(search: Record<string, unknown>): AsOfSearch {
  return typeof search.asOf === "string" && ISO_DATE.test(search.asOf) ? { asOf: search.asOf } : {};
}

export interface LoginSearch {
  redirect?: string;
}
function validateLogin(search: Record<string, unknown>): LoginSearch {
  // Only same-site paths: never send people to another site after sign-in.
  const target = search.redirect;
  return typeof target === "string" && target.startsWith("/") && !target.startsWith("//")
    ? { redirect: target }
    : {};
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: validateLogin,
  component: lazyRouteComponent(() => import("../features/auth/LoginPage.tsx"), "LoginPage"),
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/change-password",
  component: lazyRouteComponent(
    () => import("../features/auth/ChangePasswordPage.tsx"),
    "ChangePasswordPage",
  ),
});

const shellRoute = createRoute({ getParentRoute: () => rootRoute, id: "shell", component: AppShell });

const indexRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    throw redirect({ to: await homePath(context.queryClient) });
  },
});

export const organisationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/organisations",
  validateSearch: validateAsOf,
  component: lazyRouteComponent(
    () => import("../features/organisations/OrganisationsPage.tsx"),
    "OrganisationsPage",
  ),
});

export const organisationRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/organisations/$id",
  validateSearch: validateAsOf,
  component: lazyRouteComponent(
    () => import("../features/organisations/OrganisationPage.tsx"),
    "OrganisationPage",
  ),
});

const membersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/members",
  validateSearch: validateMembersSearch,
  component: lazyRouteComponent(() => import("../features/members/MembersPage.tsx"), "MembersPage"),
});

const memberImportRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/members/import",
  validateSearch: validateImportSearch,
  component: lazyRouteComponent(
    () => import("../features/members/import/ImportWizardPage.tsx"),
    "ImportWizardPage",
  ),
});

const memberRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/members/$id",
  component: lazyRouteComponent(() => import("../features/members/MemberPage.tsx"), "MemberPage"),
});

const memberTransfersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/member-transfers",
  component: lazyRouteComponent(() => import("../features/members/TransfersPage.tsx"), "TransfersPage"),
});

const memberStatisticsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/member-statistics",
  validateSearch: validateStatisticsSearch,
  component: lazyRouteComponent(
    () => import("../features/member-statistics/MemberStatisticsPage.tsx"),
    "MemberStatisticsPage",
  ),
});

const documentsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/documents",
  validateSearch: validateDocumentsSearch,
  component: lazyRouteComponent(() => import("../features/documents/DocumentsPage.tsx"), "DocumentsPage"),
});

const newDocumentRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/documents/new",
  component: lazyRouteComponent(
    () => import("../features/documents/new/NewDocumentPage.tsx"),
    "NewDocumentPage",
  ),
});

const documentRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/documents/$id",
  validateSearch: validateDocumentPageSearch,
  component: lazyRouteComponent(() => import("../features/documents/DocumentPage.tsx"), "DocumentPage"),
});

const documentCoverageRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/documents/$id/coverage/$cascadeId",
  validateSearch: validateCoverageSearch,
  component: lazyRouteComponent(
    () => import("../features/document-coverage/CoveragePage.tsx"),
    "CoveragePage",
  ),
});

const tasksRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/tasks",
  validateSearch: validateTasksSearch,
  component: lazyRouteComponent(() => import("../features/tasks/TasksPage.tsx"), "TasksPage"),
});

const newTaskRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/tasks/new",
  validateSearch: validateNewTaskSearch,
  component: lazyRouteComponent(() => import("../features/tasks/NewTaskPage.tsx"), "NewTaskPage"),
});

const taskRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/tasks/$id",
  validateSearch: validateTaskPageSearch,
  component: lazyRouteComponent(() => import("../features/tasks/TaskPage.tsx"), "TaskPage"),
});

const taskDashboardRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/task-dashboard",
  validateSearch: validateRollupSearch,
  component: lazyRouteComponent(
    () => import("../features/task-dashboard/TaskDashboardPage.tsx"),
    "TaskDashboardPage",
  ),
});

const taskRollupRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/task-rollup",
  validateSearch: validateRollupSearch,
  component: lazyRouteComponent(
    () => import("../features/task-dashboard/TaskRollupPage.tsx"),
    "TaskRollupPage",
  ),
});

const awaitingReportsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/task-reports/awaiting",
  validateSearch: validateAwaitingSearch,
  component: lazyRouteComponent(
    () => import("../features/tasks/reports/AwaitingReportsPage.tsx"),
    "AwaitingReportsPage",
  ),
});

const planCheckerRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/plan-checker",
  validateSearch: validatePlanCheckerSearch,
  component: lazyRouteComponent(
    () => import("../features/plan-checker/PlanCheckerPage.tsx"),
    "PlanCheckerPage",
  ),
});

const notificationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/notifications",
  validateSearch: validateInboxSearch,
  component: lazyRouteComponent(
    () => import("../features/notifications/NotificationsPage.tsx"),
    "NotificationsPage",
  ),
});

const documentReferenceDataRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/document-types",
  component: lazyRouteComponent(
    () => import("../features/document-reference-data/ReferenceDataPage.tsx"),
    "ReferenceDataPage",
  ),
});

const accountsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/accounts",
  component: lazyRouteComponent(() => import("../features/accounts/AccountsPage.tsx"), "AccountsPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/audit",
  component: lazyRouteComponent(() => import("../features/audit/AuditPage.tsx"), "AuditPage"),
});

const orgTypesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/org-types",
  component: lazyRouteComponent(() => import("../features/org-types/OrgTypesPage.tsx"), "OrgTypesPage"),
});

const myAccountRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/me",
  component: lazyRouteComponent(() => import("../features/me/MyAccountPage.tsx"), "MyAccountPage"),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  shellRoute.addChildren([
    indexRoute,
    organisationsRoute,
    organisationRoute,
    membersRoute,
    memberImportRoute,
    memberRoute,
    memberTransfersRoute,
    memberStatisticsRoute,
    documentsRoute,
    newDocumentRoute,
    documentRoute,
    documentCoverageRoute,
    planCheckerRoute,
    tasksRoute,
    newTaskRoute,
    taskRoute,
    taskDashboardRoute,
    taskRollupRoute,
    awaitingReportsRoute,
    notificationsRoute,
    documentReferenceDataRoute,
    accountsRoute,
    auditRoute,
    orgTypesRoute,
    myAccountRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: PageLoading,
    defaultNotFoundComponent: NotFoundPage,
    defaultPreload: "intent",
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
