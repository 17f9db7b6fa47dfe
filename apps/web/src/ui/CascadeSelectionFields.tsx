// The "who" part of a cascade form: every organisation of some types under a root ("tất cả Đảng ủy
// xã/phường trực thuộc Tỉnh ủy …") or organisations picked one by one. Used inside an antd Form whose
// fields are named mode / typeCodes / rootOrgId / orgIds (see cascade-selection.ts).
import { Form, Radio, Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useOrgTypeName, useOrgTypes } from "../features/organisations/org-types.ts";
import type { CascadeMode } from "./cascade-selection.ts";
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
  const typeOptions = useMemo(
    () =>
      (types.data ?? [])
        .filter((type) => !type.isDepartment)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((type) => ({ value: type.code, label: typeName(type.code) })),
    [types.data, typeName],
  );
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
