// Organisation type choices limited to what may sit under the given parent type.
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { allowedChildTypes, useOrgTypes } from "../org-types.ts";

interface Props {
  parentTypeCode: string | null | undefined;
  value?: string;
  onChange?: (value: string) => void;
  testId?: string;
  id?: string;
}

export function TypeSelect({ parentTypeCode, value, onChange, testId, id }: Props) {
  const { t, i18n } = useTranslation();
  const { data: types, isPending } = useOrgTypes();
  const english = i18n.language === "en";
  const choices = parentTypeCode === undefined ? [] : allowedChildTypes(types, parentTypeCode);
  return (
    <Select<string>
      {...(id ? { id } : {})}
      data-testid={testId ?? "type-select"}
      loading={isPending}
      value={value ?? null}
      onChange={(next) => onChange?.(next)}
      placeholder={t("restructure.typePlaceholder")}
      notFoundContent={t("restructure.noAllowedTypes")}
      options={choices.map((type) => ({ value: type.code, label: english ? type.nameEn : type.nameVi }))}
    />
  );
}
