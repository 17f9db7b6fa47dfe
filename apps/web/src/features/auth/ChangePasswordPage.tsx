// Shown first when an account has a temporary password; also reachable from "My account".
import { authRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { App, Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PageLoading } from "../../app/PageLoading.tsx";
import { apiCall, setCsrfToken } from "../../lib/api.ts";
import { LanguageSwitch } from "../../ui/LanguageSwitch.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";
import { ME_QUERY_KEY, useMe } from "./session.ts";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  return (
    <div className="login-page">
      <Card style={{ width: "100%", maxWidth: 440 }} data-testid="change-password-card">
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {t("password.title")}
          </Typography.Title>
          <LanguageSwitch size="small" />
        </div>
        {me.data?.account.mustChangePassword && (
          <Typography.Paragraph style={{ marginTop: 8 }}>{t("password.mustChange")}</Typography.Paragraph>
        )}
        <ChangePasswordForm
          onDone={async () => {
            message.success(t("password.changed"));
            await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
            // "/" leads to the person's first screen (the dashboard for those who follow tasks).
            void navigate({ to: "/" });
          }}
        />
        <Typography.Link
          style={{ display: "inline-block", marginTop: 12 }}
          onClick={() => {
            void apiCall(authRoutes.signOut)
              .catch(() => undefined)
              .finally(() => {
                setCsrfToken(null);
                queryClient.clear();
                void navigate({ to: "/login" });
              });
          }}
        >
          {t("shell.signOut")}
        </Typography.Link>
      </Card>
    </div>
  );
}
