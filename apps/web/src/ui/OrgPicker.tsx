// Choosing organisations inside the person's scope: their role organisations up front, then a search
// (without diacritics) over everything they may see.
import { organisationRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../features/auth/session.ts";
import { apiCall } from "../lib/api.ts";

interface Option {
  value: number;
  label: string;
  path: string;
}

interface CommonProps {
  asOf?: string | undefined;
  placeholder?: string;
  /** Ids that may not be chosen (e.g. the organisation itself when moving it). */
  excludeIds?: readonly number[];
  id?: string;
  testId?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  ariaLabel?: string;
  /** Show the person's role organisations before they type. */
  suggestRoleOrgs?: boolean;
  variant?: "outlined" | "borderless" | "filled";
  /** Only organisations of these types may be chosen (e.g. cells where members belong). */
  typeCodes?: readonly string[] | undefined;
  /** Labels for values chosen elsewhere (e.g. the page's organisation). */
  knownLabels?: Readonly<Record<number, string>>;
  /** Offered before the person types, instead of their role organisations (e.g. names read in a text). */
  suggestions?: readonly { id: number; name: string; pathNames: readonly string[] }[] | undefined;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: number | null | undefined;
  onChange?: (value: number | undefined, label?: string) => void;
}
interface MultipleProps extends CommonProps {
  multiple: true;
  value?: number[] | undefined;
  onChange?: (value: number[], labels: string[]) => void;
}

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function OrgPicker(props: SingleProps | MultipleProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 250);
  const known = useRef(new Map<number, Option>());
  const search = useQuery({
    queryKey: [
      "organisations",
      "search",
      q,
      props.asOf ?? null,
      "picker",
      props.typeCodes?.join(",") ?? null,
    ],
    queryFn: () =>
      apiCall(organisationRoutes.searchOrgs, {
        query: { q, limit: 20, asOf: props.asOf, types: props.typeCodes?.join(",") },
      }),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const exclude = new Set(props.excludeIds ?? []);
    const types = props.typeCodes ? new Set(props.typeCodes) : null;
    const list: Option[] = [];
    if (q.length > 0) {
      for (const hit of search.data?.items ?? []) {
        if (types && !types.has(hit.typeCode)) continue;
        list.push({ value: hit.id, label: hit.name, path: hit.pathNames.join(" › ") });
      }
    } else if (props.suggestions?.length) {
      for (const hit of props.suggestions) {
        list.push({ value: hit.id, label: hit.name, path: hit.pathNames.join(" › ") });
      }
    } else if (props.suggestRoleOrgs !== false) {
      const seen = new Set<number>();
      for (const grant of me?.roles ?? []) {
        if (seen.has(grant.orgId) || (types && !types.has(grant.orgTypeCode))) continue;
        seen.add(grant.orgId);
        list.push({ value: grant.orgId, label: grant.orgName, path: "" });
      }
    }
    for (const option of list) known.current.set(option.value, option);
    for (const [id, label] of Object.entries(props.knownLabels ?? {})) {
      if (!known.current.has(Number(id)))
        known.current.set(Number(id), { value: Number(id), label, path: "" });
    }
    // Keep chosen values labelled even when they are not in the current results.
    const chosen = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
    for (const id of chosen) {
      if (!list.some((option) => option.value === id)) {
        const option = known.current.get(id);
        list.push(option ?? { value: id, label: `#${id}`, path: "" });
      }
    }
    return list.filter((option) => !exclude.has(option.value) || chosen.includes(option.value));
  }, [
    q,
    search.data,
    me,
    props.excludeIds,
    props.multiple,
    props.value,
    props.suggestRoleOrgs,
    props.knownLabels,
    props.typeCodes,
    props.suggestions,
  ]);

  const common = {
    ...(props.id ? { id: props.id } : {}),
    ...(props.testId ? { "data-testid": props.testId } : {}),
    ...(props.ariaLabel ? { "aria-label": props.ariaLabel } : {}),
    ...(props.variant ? { variant: props.variant } : {}),
    showSearch: { filterOption: false, onSearch: setText, searchValue: text },
    placeholder: props.placeholder ?? t("orgPicker.placeholder"),
    loading: search.isFetching,
    allowClear: props.allowClear ?? true,
    style: { minWidth: 200, ...props.style },
    notFoundContent: q.length > 0 && !search.isFetching ? t("orgPicker.noResults") : null,
    options,
    optionRender: (option: { data: Option }) => (
      <div>
        <div>{option.data.label}</div>
        {option.data.path ? <div className="org-path">{option.data.path}</div> : null}
      </div>
    ),
    popupMatchSelectWidth: false,
  } as const;

  if (props.multiple) {
    const { onChange } = props;
    return (
      <Select<number[], Option>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(value) => {
          setText("");
          onChange?.(
            value,
            value.map((id) => known.current.get(id)?.label ?? `#${id}`),
          );
        }}
      />
    );
  }
  const { onChange } = props;
  return (
    <Select<number, Option>
      {...common}
      value={props.value ?? null}
      onChange={(value) => {
        setText("");
        onChange?.(value, value === undefined ? undefined : known.current.get(value)?.label);
      }}
    />
  );
}
