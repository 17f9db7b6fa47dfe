// The frame every capability lives in: header (product, current scope, language, user menu), navigation
// by capability (a Drawer on phones), the embedded-mode notice, and the page.
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  LogoutOutlined,
  MenuOutlined,
  ScheduleOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { authRoutes, systemRoutes } from "@namro/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation, useNavigate } from "@tanstack/react-router";
import type { MenuProps } from "antd";
import { Alert, Button, Drawer, Dropdown, Grid, Layout, Menu, Result } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../features/auth/session.ts";
import { NotificationBell } from "../features/notifications/NotificationBell.tsx";
import { useOrg } from "../features/organisations/org-queries.ts";
import { i18n, rememberLanguage, storedLanguage } from "../i18n/i18n.ts";
import { apiCall, isApiError, setCsrfToken } from "../lib/api.ts";
import { errorText } from "../lib/errors.ts";
import { LanguageSwitch } from "../ui/LanguageSwitch.tsx";
import { OrgPicker } from "../ui/OrgPicker.tsx";
import { PageLoading } from "./PageLoading.tsx";
import { setCurrentScope, useCurrentScope } from "./scope.ts";

const EMBEDDED_NOTICE_KEY = "namro_embedded_notice_dismissed";

function useNavItems(): NonNullable<MenuProps["items"]> {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items: NonNullable<MenuProps["items"]> = [];
  // The leader's first screen comes first.
  if (hasPermission(me, "task.read"))
    items.push({ key: "/task-dashboard", icon: <DashboardOutlined />, label: t("taskDashboard.navLabel") });
  items.push({ key: "/organisations", icon: <ApartmentOutlined />, label: t("nav.organisations") });
  if (hasPermission(me, "member.read"))
    items.push({ key: "/members", icon: <IdcardOutlined />, label: t("members.navLabel") });
  if (hasPermission(me, "member.read"))
    items.push({
      key: "/member-statistics",
      icon: <BarChartOutlined />,
      label: t("memberStatistics.navLabel"),
    });
  if (hasPermission(me, "document.read"))
    items.push({ key: "/documents", icon: <FileTextOutlined />, label: t("documents.navLabel") });
  if (hasPermission(me, "task.read"))
    items.push({ key: "/plan-checker", icon: <FileSearchOutlined />, label: t("planChecker.navLabel") });
  if (hasPermission(me, "task.read"))
    items.push({ key: "/tasks", icon: <ScheduleOutlined />, label: t("tasks.navLabel") });
  if (hasPermission(me, "task.read"))
    items.push({
      key: "/task-rollup",
      icon: <FundProjectionScreenOutlined />,
      label: t("taskDashboard.rollup.navLabel"),
    });
  if (hasPermission(me, "task.manage"))
    items.push({
      key: "/task-reports/awaiting",
      icon: <CheckSquareOutlined />,
      label: t("taskReports.awaiting.navLabel"),
    });
  if (hasPermission(me, "account.manage"))
    items.push({ key: "/accounts", icon: <TeamOutlined />, label: t("nav.accounts") });
  if (hasPermission(me, "audit.read"))
    items.push({ key: "/audit", icon: <AuditOutlined />, label: t("nav.audit") });
  if (me?.canManageOrgTypes)
    items.push({ key: "/org-types", icon: <ClusterOutlined />, label: t("nav.orgTypes") });
  if (me?.canManageDocumentTypes)
    items.push({
      key: "/document-types",
      icon: <TagsOutlined />,
      label: t("documentReferenceData.navLabel"),
    });
  items.push({ key: "/me", icon: <UserOutlined />, label: t("nav.myAccount") });
  return items;
}

function EmbeddedNotice() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ["system"],
    queryFn: () => apiCall(systemRoutes.systemInfo),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [dismissed, setDismissed] = useState(() => {
    try {
      return sessionStorage.getItem(EMBEDDED_NOTICE_KEY) === "1";
    } catch {
      return false;
    }
  });
  if (data?.databaseKind !== "embedded" || dismissed) return null;
  return (
    <Alert
      data-testid="embedded-notice"
      type="info"
      showIcon
      banner
      title={t("shell.embeddedNotice")}
      closable={{
        "aria-label": t("common.close"),
        onClose: () => {
          try {
            sessionStorage.setItem(EMBEDDED_NOTICE_KEY, "1");
          } catch {
            // Dismissed for this page view only.
          }
          setDismissed(true);
        },
      }}
    />
  );
}

function ScopePicker({ onChosen }: { onChosen?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scope = useCurrentScope();
  const { data: me } = useMe();
  const value = scope ?? me?.roles[0]?.orgId;
  const org = useOrg(value);
  return (
    <OrgPicker
      knownLabels={org.data ? { [org.data.id]: org.data.name } : {}}
      testId="scope-picker"
      ariaLabel={t("shell.scope")}
      placeholder={t("shell.scope")}
      value={value}
      allowClear={false}
      style={{ width: "100%", maxWidth: 320 }}
      onChange={(id) => {
        if (id === undefined) return;
        setCurrentScope(id);
        onChosen?.();
        void navigate({ to: "/organisations/$id", params: { id: String(id) } });
      }}
    />
  );
}

/** The account's saved language and the one chosen on this device agree after sign-in. */
function useLocaleSync(): void {
  const { data: me } = useMe();
  const synced = useRef(false);
  useEffect(() => {
    if (!me || synced.current) return;
    synced.current = true;
    const chosen = storedLanguage();
    if (chosen === null) {
      rememberLanguage(me.account.locale);
      void i18n.changeLanguage(me.account.locale);
    } else if (chosen !== me.account.locale) {
      void apiCall(authRoutes.setLocale, { body: { locale: chosen } }).catch(() => undefined);
    }
  }, [me]);
}

/**
 * Sends a signed-out visitor to the login page once, remembering where they wanted to go. A
 * <Navigate> here would fire again on every render while the login page loads (the location it reads
 * keeps changing), and loop.
 */
function RedirectToLogin() {
  const navigate = useNavigate();
  const location = useLocation();
  const wanted = useRef(location.pathname.startsWith("/login") ? "/" : location.href);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void navigate({ to: "/login", search: { redirect: wanted.current }, replace: true });
  }, [navigate]);
  return <PageLoading />;
}

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navItems = useNavItems();
  useLocaleSync();

  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    if (isApiError(me.error, "AUTH_REQUIRED")) {
      return <RedirectToLogin />;
    }
    return (
      <Result
        status="error"
        title={errorText(me.error, t)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            {t("common.retry")}
          </Button>
        }
      />
    );
  }
  if (me.data.account.mustChangePassword) return <Navigate to="/change-password" />;

  const isDesktop = screens.md ?? true;
  const selectedKey = navItems.find((item) => item && location.pathname.startsWith(String(item.key)))?.key;

  const signOut = async () => {
    try {
      await apiCall(authRoutes.signOut);
    } catch {
      // Signed out on this side regardless.
    }
    setCsrfToken(null);
    queryClient.clear();
    void navigate({ to: "/login" });
  };

  const menu = (
    <Menu
      data-testid="main-nav"
      mode="inline"
      selectedKeys={selectedKey ? [String(selectedKey)] : []}
      items={navItems}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate({ to: key });
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: "me", icon: <UserOutlined />, label: t("nav.myAccount") },
      { type: "divider" },
      { key: "signOut", icon: <LogoutOutlined />, label: t("shell.signOut"), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === "me") void navigate({ to: "/me" });
      else void signOut();
    },
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main-content">
        {t("shell.skipToContent")}
      </a>
      <header className="app-header">
        {!isDesktop && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t("shell.openMenu")}
            data-testid="nav-menu-button"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <a
          className="brand"
          href="/"
          onClick={(event) => {
            event.preventDefault();
            void navigate({ to: "/" });
          }}
        >
          {t("app.name")}
        </a>
        {isDesktop && (
          <div style={{ flex: "0 1 320px", display: "flex", alignItems: "center", minWidth: 160 }}>
            <ScopePicker />
          </div>
        )}
        <span className="spacer" />
        <NotificationBell />
        <LanguageSwitch size="small" />
        <Dropdown menu={userMenu} trigger={["click"]}>
          <Button
            type="text"
            icon={<UserOutlined />}
            data-testid="user-menu"
            aria-label={t("shell.userMenu")}
          >
            {isDesktop ? me.data.account.displayName : null}
          </Button>
        </Dropdown>
      </header>
      <EmbeddedNotice />
      <Layout>
        {isDesktop ? (
          <Layout.Sider
            width={220}
            theme="light"
            breakpoint="md"
            style={{ borderInlineEnd: "1px solid #f0f0f0" }}
          >
            <nav aria-label={t("shell.navigation")}>{menu}</nav>
          </Layout.Sider>
        ) : (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={t("app.name")}
            data-testid="nav-drawer"
          >
            <div style={{ marginBottom: 16 }}>
              <div className="muted" style={{ marginBottom: 4 }}>
                {t("shell.scope")}
              </div>
              <ScopePicker onChosen={() => setDrawerOpen(false)} />
            </div>
            <nav aria-label={t("shell.navigation")}>{menu}</nav>
          </Drawer>
        )}
        <Layout.Content>
          <main id="main-content" tabIndex={-1} className="app-content">
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
