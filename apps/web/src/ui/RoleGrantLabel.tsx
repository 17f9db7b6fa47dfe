// A role as people read it: the role, the organisation it covers, and a warning when that organisation
// has since been merged, split or dissolved (the role then needs reassigning).
import type { RoleGrant } from "@namro/contracts";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";

export function RoleGrantLabel({ grant, scopeText }: { grant: RoleGrant; scopeText?: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <strong>{t(`roles.${grant.role}`)}</strong>
      <div className="muted">{scopeText ?? grant.orgName}</div>
      {!grant.orgActive && (
        <Tag color="warning" data-testid="role-org-closed" style={{ marginTop: 4, whiteSpace: "normal" }}>
          {t("roles.orgClosed")}
        </Tag>
      )}
    </div>
  );
}
