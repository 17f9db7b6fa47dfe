// Choosing the responsible person's account: a search (name without accents, or username) over the
// active accounts with a role within the assigning committee (or, failing that, the lead unit) — the
// accounts the server accepts. Anyone who assigns tasks there may pick one; the name can still be
// written in words instead.
import { TASK_ASSIGNEE_ROUTES } from "@namro/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";

const assigneesKey = (orgId: number, q: string) => ["tasks", "assignees", orgId, q] as const;
const fetchAssignees = (orgId: number, q: string) =>
  apiCall(TASK_ASSIGNEE_ROUTES.listAssignees, { params: { orgId }, query: q ? { q } : {} });

/**
 * The first of `candidates` (owner, then lead) whose people the actor may list, or null when none
 * (the actor does not assign tasks there: only the name in words is offered).
 */
export function useAssigneeOrg(candidates: readonly (number | null | undefined)[]): number | null {
  const client = useQueryClient();
  const ids = [...new Set(candidates.filter((id): id is number => typeof id === "number" && id > 0))];
  const probe = useQuery({
    queryKey: ["tasks", "assignee-org", ids],
    queryFn: async () => {
      for (const orgId of ids) {
        try {
          await client.fetchQuery({
            queryKey: assigneesKey(orgId, ""),
            queryFn: () => fetchAssignees(orgId, ""),
            staleTime: 30_000,
          });
          return orgId;
        } catch (caught) {
          if (!isApiError(caught, "ORG_NOT_FOUND") && !isApiError(caught, "NOT_FOUND")) throw caught;
        }
      }
      return null;
    },
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
  });
  return probe.data ?? null;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The account chosen when the form opened, shown before any search. */
  known?: { id: number; displayName: string } | null;
  orgId: number;
  id?: string;
}

export function AccountPicker({ value, onChange, known, orgId, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useQuery({
    queryKey: assigneesKey(orgId, q),
    queryFn: () => fetchAssignees(orgId, q),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const list = (search.data?.items ?? []).map((account) => ({
      value: account.id,
      label: account.orgName ? `${account.displayName} — ${account.orgName}` : account.displayName,
    }));
    if (known && !list.some((option) => option.value === known.id))
      list.unshift({ value: known.id, label: known.displayName });
    return list;
  }, [search.data, known]);
  return (
    <Select<number>
      {...(id ? { id } : {})}
      data-testid="task-responsible-account"
      value={value ?? null}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={search.isFetching}
      placeholder={t("tasks.form.accountPlaceholder")}
      notFoundContent={search.isFetching ? t("common.loading") : t("tasks.form.accountNone")}
      options={options}
      onChange={(next) => {
        setText("");
        onChange?.(next ?? null);
      }}
      style={{ width: "100%" }}
    />
  );
}
