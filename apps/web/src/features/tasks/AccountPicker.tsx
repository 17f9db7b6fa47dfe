// Choosing the responsible person's account: a search (name or username) over the accounts the
// person administers. Only shown to those who may list accounts; everyone else names the person in
// words instead.
import { accountRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The account chosen when the form opened, shown before any search. */
  known?: { id: number; displayName: string } | null;
  orgId?: number | undefined;
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
  const query = { q: q || undefined, orgId, includeDisabled: "false", pageSize: 20 };
  const search = useQuery({
    queryKey: ["accounts", "picker", query],
    queryFn: () => apiCall(accountRoutes.listAccounts, { query }),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const list = (search.data?.items ?? []).map((account) => ({
      value: account.id,
      label: `${account.displayName} (${account.username})`,
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
      options={options}
      onChange={(next) => {
        setText("");
        onChange?.(next ?? null);
      }}
      style={{ width: "100%" }}
    />
  );
}
