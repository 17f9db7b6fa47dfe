// Choosing a document of the register: a search over the list route (number or words, without
// diacritics), each option showing its number, date and subject.
import { type DocumentList, type DocumentSummary, documentRoutes } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { DOCUMENTS_KEY } from "./document-queries.ts";
import { documentOrigin, useDocumentNaming } from "./document-symbol.ts";

interface Props {
  value?: number | undefined;
  onChange?: (id: number | undefined, document: DocumentSummary | undefined) => void;
  /** Documents that may not be chosen (the document itself). */
  excludeIds?: readonly number[];
  /** Only plans (KH, CTr, ĐA, …): the picker of implementing documents. */
  plansOnly?: boolean;
  id?: string;
  testId?: string;
  ariaLabel?: string;
  /** The label of a value chosen elsewhere (e.g. the plan of a task being edited). */
  knownLabel?: { id: number; label: string };
}

export function DocumentPicker({
  value,
  onChange,
  excludeIds,
  plansOnly,
  id,
  testId,
  ariaLabel,
  knownLabel,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const [chosen, setChosen] = useState<DocumentList["items"][number] | undefined>(undefined);
  const { nameOf } = useDocumentNaming();
  const query = { q: q === "" ? undefined : q, plansOnly: plansOnly ? "true" : undefined, pageSize: 20 };
  const search = useQuery({
    queryKey: [...DOCUMENTS_KEY, "picker", query],
    queryFn: () => apiCall(documentRoutes.listDocuments, { query }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const exclude = new Set(excludeIds ?? []);
    const hits = (search.data?.items ?? []).filter((hit) => !exclude.has(hit.id));
    if (chosen && chosen.id === value && !hits.some((hit) => hit.id === chosen.id)) hits.unshift(chosen);
    const options = hits.map((hit) => ({
      value: hit.id,
      label: nameOf(hit),
      document: hit as DocumentList["items"][number] | undefined,
    }));
    if (knownLabel && knownLabel.id === value && !options.some((option) => option.value === value))
      options.unshift({ value: knownLabel.id, label: knownLabel.label, document: undefined });
    return options;
  }, [search.data, excludeIds, chosen, value, nameOf, knownLabel]);

  return (
    <Select<number, (typeof options)[number]>
      {...(id ? { id } : {})}
      data-testid={testId}
      aria-label={ariaLabel ?? t("documents.picker.placeholder")}
      value={value ?? null}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={t("documents.picker.placeholder")}
      loading={search.isFetching}
      allowClear
      style={{ width: "100%" }}
      popupMatchSelectWidth={false}
      notFoundContent={q.length > 0 && !search.isFetching ? t("documents.picker.noResults") : null}
      options={options}
      optionRender={(option) => (
        <div style={{ maxWidth: 560, whiteSpace: "normal" }}>
          <div style={{ fontWeight: 500 }}>
            {option.data.label}
            {option.data.document?.issuedOn ? (
              <span className="muted"> · {formatDate(option.data.document.issuedOn)}</span>
            ) : null}
          </div>
          {option.data.document && (
            <>
              <div className="org-path">{documentOrigin(option.data.document)}</div>
              <div className="org-path">{option.data.document.subject}</div>
            </>
          )}
        </div>
      )}
      onChange={(next) => {
        const document = options.find((option) => option.value === next)?.document;
        setChosen(document);
        setText("");
        onChange?.(next ?? undefined, document);
      }}
    />
  );
}
