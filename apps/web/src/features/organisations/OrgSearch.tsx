// Search the tree by name or code, typed with or without diacritics; each hit shows its path.
import { organisationRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { Alert, Input, List, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgStatusTag } from "./OrgStatusTag.tsx";
import { useOrgTypeName } from "./org-types.ts";

interface Props {
  asOf: string | undefined;
  onOpen: (id: number) => void;
}

export function OrgSearch({ asOf, onOpen }: Props) {
  const { t } = useTranslation();
  const typeName = useOrgTypeName();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useQuery({
    queryKey: ["organisations", "search", q, asOf ?? null],
    queryFn: () => apiCall(organisationRoutes.searchOrgs, { query: { q, asOf, limit: 30 } }),
    enabled: q.length > 0,
  });

  return (
    <div>
      <Input.Search
        data-testid="org-search"
        aria-label={t("orgs.searchLabel")}
        placeholder={t("orgs.searchPlaceholder")}
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => setQ(value.trim())}
        loading={search.isFetching}
        enterButton
      />
      {q.length > 0 && (
        <div style={{ marginTop: 8 }} aria-live="polite">
          {search.isError ? (
            <Alert type="error" showIcon title={errorText(search.error, t)} />
          ) : (
            <List
              data-testid="org-search-results"
              size="small"
              bordered
              loading={search.isPending}
              locale={{ emptyText: t("orgs.noResults") }}
              dataSource={search.data?.items ?? []}
              renderItem={(hit) => (
                <List.Item key={hit.id} data-testid="org-search-result">
                  <div style={{ width: "100%" }}>
                    <a
                      href={`/organisations/${hit.id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        onOpen(hit.id);
                      }}
                    >
                      {hit.name}
                    </a>{" "}
                    <Tag>{typeName(hit.typeCode)}</Tag>
                    <OrgStatusTag status={hit.status} onlyClosed />
                    {hit.pathNames.length > 0 && <div className="org-path">{hit.pathNames.join(" › ")}</div>}
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </div>
  );
}
