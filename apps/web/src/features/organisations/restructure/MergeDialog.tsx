// Merge this organisation with others into a new organisation, or into an existing one.
import { type OrgDetail, organisationRoutes } from "@namro/contracts";
import { Form, Input, Radio } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../../lib/api.ts";
import { OrgPicker } from "../../../ui/OrgPicker.tsx";
import { useOrg } from "../org-queries.ts";
import { type BasisValues, RestructureModal } from "./RestructureModal.tsx";
import { TypeSelect } from "./TypeSelect.tsx";

interface MergeValues extends BasisValues {
  otherIds?: number[];
  targetKind: "new" | "existing";
  target: { existingId?: number; name?: string; code?: string; typeCode?: string; parentId?: number };
}

interface Props {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onDone?: (targetId: number | undefined) => void;
}

export function MergeDialog({ org, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MergeValues>();
  const [labels, setLabels] = useState<Record<number, string>>({});
  const resultId = useRef<number | undefined>(undefined);
  const targetKind = Form.useWatch("targetKind", form) ?? "new";
  const parentId = Form.useWatch(["target", "parentId"], form);
  const parent = useOrg(parentId);
  const currentParent = org.ancestors.at(-1);
  const remember = (ids: number[], names: string[]) =>
    setLabels((current) => {
      const next = { ...current };
      ids.forEach((id, index) => {
        next[id] = names[index] ?? `#${id}`;
      });
      return next;
    });

  const sourcesOf = (values: MergeValues) => {
    const existingId = values.targetKind === "existing" ? values.target.existingId : undefined;
    return [org.id, ...(values.otherIds ?? [])].filter(
      (id, index, all) => id !== existingId && all.indexOf(id) === index,
    );
  };
  const nameOf = (id: number) => (id === org.id ? org.name : (labels[id] ?? `#${id}`));

  return (
    <RestructureModal<MergeValues>
      open={open}
      onClose={onClose}
      onDone={() => onDone?.(resultId.current)}
      form={form}
      title={t("restructure.merge.title", { name: org.name })}
      testId="dialog-merge"
      fieldNames={["otherIds", "target"]}
      renameFields={{ sourceIds: "otherIds" }}
      initialValues={{ targetKind: "new", target: currentParent ? { parentId: currentParent.id } : {} }}
      danger
      okText={t("restructure.merge.ok")}
      successText={t("restructure.merge.done")}
      confirmText={(values) =>
        t(
          values.targetKind === "existing"
            ? "restructure.merge.confirmExisting"
            : "restructure.merge.confirmNew",
          {
            sources: sourcesOf(values).map(nameOf).join(", "),
            target:
              values.targetKind === "existing"
                ? nameOf(values.target.existingId ?? 0)
                : (values.target.name ?? ""),
          },
        )
      }
      submit={async (values, basis) => {
        const target =
          values.targetKind === "existing"
            ? { existingId: values.target.existingId ?? 0 }
            : {
                name: values.target.name ?? "",
                typeCode: values.target.typeCode ?? "",
                parentId: values.target.parentId ?? 0,
                ...(values.target.code?.trim() ? { code: values.target.code.trim() } : {}),
              };
        const result = await apiCall(organisationRoutes.mergeOrgs, {
          // The organisation this page shows must not have changed since it was loaded.
          body: {
            ...basis,
            sourceIds: sourcesOf(values),
            target,
            expectedVersions: [{ id: org.id, version: org.version }],
          },
        });
        resultId.current =
          values.targetKind === "existing"
            ? values.target.existingId
            : result.organisations.find((item) => item.status === "active")?.id;
        return result;
      }}
    >
      <p>{t("restructure.merge.explain")}</p>
      <Form.Item
        name="otherIds"
        label={t("restructure.merge.others")}
        extra={t("orgPicker.hint")}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: number[] | undefined) =>
              getFieldValue("targetKind") === "existing" || (value?.length ?? 0) > 0
                ? Promise.resolve()
                : Promise.reject(new Error(t("restructure.merge.needOthers"))),
          }),
        ]}
        dependencies={["targetKind"]}
      >
        <OrgPicker
          multiple
          testId="merge-others"
          excludeIds={[org.id]}
          suggestRoleOrgs={false}
          style={{ width: "100%" }}
          onChange={(ids, names) => {
            remember(ids, names);
            form.setFieldValue("otherIds", ids);
          }}
        />
      </Form.Item>
      <Form.Item name="targetKind" label={t("restructure.merge.into")}>
        <Radio.Group data-testid="merge-target-kind">
          <Radio value="new">{t("restructure.merge.intoNew")}</Radio>
          <Radio value="existing">{t("restructure.merge.intoExisting")}</Radio>
        </Radio.Group>
      </Form.Item>
      {targetKind === "existing" ? (
        <Form.Item
          name={["target", "existingId"]}
          label={t("restructure.merge.existing")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <OrgPicker
            testId="merge-existing"
            excludeIds={[org.id]}
            suggestRoleOrgs={false}
            style={{ width: "100%" }}
            onChange={(id, label) => {
              if (id !== undefined) remember([id], [label ?? `#${id}`]);
              form.setFieldValue(["target", "existingId"], id);
            }}
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name={["target", "name"]}
            label={t("restructure.merge.newName")}
            rules={[{ required: true, min: 2, message: t("restructure.nameRule") }]}
          >
            <Input maxLength={300} data-testid="merge-new-name" />
          </Form.Item>
          <Form.Item
            name={["target", "parentId"]}
            label={t("restructure.merge.newParent")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <OrgPicker
              testId="merge-new-parent"
              style={{ width: "100%" }}
              knownLabels={currentParent ? { [currentParent.id]: currentParent.name } : {}}
            />
          </Form.Item>
          <Form.Item
            name={["target", "typeCode"]}
            label={t("org.type")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <TypeSelect parentTypeCode={parent.data?.typeCode} testId="merge-new-type" />
          </Form.Item>
          <Form.Item name={["target", "code"]} label={t("org.codeOptional")}>
            <Input maxLength={64} data-testid="merge-new-code" />
          </Form.Item>
        </>
      )}
    </RestructureModal>
  );
}
