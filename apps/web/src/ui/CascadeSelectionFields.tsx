// The "who" part of a cascade form: every organisation of some types under a root ("tất cả Đảng ủy
// xã/phường trực thuộc Tỉnh ủy …") or organisations picked one by one. Used inside an antd Form whose
// fields are named mode / typeCodes / rootOrgId / orgIds (see cascade-selection.ts).
import { Form, Radio, Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOrg } from "../features/organisations/org-queries.ts";
import { useOrgTypeName, useOrgTypes } from "../features/organisations/org-types.ts";
import { type CascadeMode, typeCodesBelow } from "./cascade-selection.ts";
import { OrgPicker } from "./OrgPicker.tsx";

interface Props {
  mode: CascadeMode;
  /** The organisation the cascade starts from: the default root, and never a target itself. */
  owner: { id: number; name: string };
  /** "Đơn vị phải cụ thể hóa", "Giao cho": what the choice means here. */
  whoLabel: string;
}

export function CascadeSelectionFields({ mode, owner, whoLabel }: Props) {
  const { t } = useTranslation();
  const types = useOrgTypes();
  const typeName = useOrgTypeName();
  const form = Form.useFormInstance();
  const rootOrgId = Form.useWatch("rootOrgId", form) as number | undefined;
  const chosen = Form.useWatch("typeCodes", form) as string[] | undefined;
  const root = useOrg(rootOrgId ?? owner.id);
  const rootTypeCode = root.data?.typeCode;
  // Only types that can exist below the root (a commune offers its cells, not "Tỉnh ủy"); a type
  // already chosen stays listed so its name still shows.
  const typeOptions = useMemo(() => {
    const all = types.data ?? [];
    const below = rootTypeCode === undefined ? null : typeCodesBelow(all, rootTypeCode);
    return all
      .filter((type) => !type.isDepartment)
      .filter((type) => below === null || below.has(type.code) || (chosen ?? []).includes(type.code))
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((type) => ({ value: type.code, label: typeName(type.code) }));
  }, [types.data, typeName, rootTypeCode, chosen]);
  return (
    <>
      <Form.Item name="mode" label={whoLabel}>
        <Radio.Group
          data-testid="cascade-mode"
          options={[
            { value: "types", label: t("cascadeSelection.byTypes") },
            { value: "orgs", label: t("cascadeSelection.byOrgs") },
          ]}
        />
      </Form.Item>
      {mode === "types" ? (
        <>
          <Form.Item
            name="typeCodes"
            label={t("cascadeSelection.types")}
            rules={[{ required: true, message: t("cascadeSelection.typesRequired") }]}
          >
            <Select
              mode="multiple"
              options={typeOptions}
              loading={types.isPending}
              optionFilterProp="label"
              data-testid="cascade-types"
              placeholder={t("cascadeSelection.typesPlaceholder")}
            />
          </Form.Item>
          <Form.Item
            name="rootOrgId"
            label={t("cascadeSelection.root")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <OrgPicker
              testId="cascade-root"
              knownLabels={{ [owner.id]: owner.name }}
              allowClear={false}
              style={{ width: "100%" }}
            />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="orgIds"
          label={t("cascadeSelection.orgs")}
          rules={[{ required: true, message: t("cascadeSelection.orgsRequired") }]}
        >
          <OrgPicker
            multiple
            testId="cascade-orgs"
            suggestRoleOrgs={false}
            excludeIds={[owner.id]}
            style={{ width: "100%" }}
            placeholder={t("cascadeSelection.orgsPlaceholder")}
          />
        </Form.Item>
      )}
    </>
  );
}
