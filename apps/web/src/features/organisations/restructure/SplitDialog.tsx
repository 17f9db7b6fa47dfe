// Split this organisation into two or more new ones; every active unit under it goes to one of them.
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { type OrgDetail, organisationRoutes } from "@namro/contracts";
import { Button, Card, Form, Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../../lib/api.ts";
import { type BasisValues, RestructureModal } from "./RestructureModal.tsx";
import { TypeSelect } from "./TypeSelect.tsx";

interface Part {
  name?: string;
  typeCode?: string;
  code?: string;
}
interface SplitValues extends BasisValues {
  parts: Part[];
  assignments?: Record<string, number | undefined>;
}

interface Props {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onDone?: () => void;
}

export function SplitDialog({ org, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SplitValues>();
  const parts = (Form.useWatch("parts", form) ?? []) as Part[];
  const parentTypeCode = org.ancestors.at(-1)?.typeCode ?? null;
  const activeChildren = org.children.filter((child) => child.status === "active");
  const partLabel = (index: number) =>
    parts[index]?.name?.trim() || t("restructure.split.partN", { n: index + 1 });

  return (
    <RestructureModal<SplitValues>
      open={open}
      onClose={onClose}
      {...(onDone ? { onDone } : {})}
      form={form}
      title={t("restructure.split.title", { name: org.name })}
      testId="dialog-split"
      fieldNames={["parts", "assignments"]}
      renameFields={{ childAssignments: "assignments" }}
      initialValues={{ parts: [{}, {}] }}
      danger
      okText={t("restructure.split.ok")}
      successText={t("restructure.split.done")}
      confirmText={(values) =>
        t("restructure.split.confirm", {
          name: org.name,
          parts: values.parts.map((part) => part.name ?? "").join(", "),
          n: activeChildren.length,
        })
      }
      submit={(values, basis) =>
        apiCall(organisationRoutes.splitOrg, {
          params: { id: org.id },
          body: {
            ...basis,
            version: org.version,
            parts: values.parts.map((part) => ({
              name: part.name ?? "",
              typeCode: part.typeCode ?? "",
              ...(part.code?.trim() ? { code: part.code.trim() } : {}),
            })),
            childAssignments: activeChildren.map((child) => ({
              childId: child.id,
              partIndex: values.assignments?.[String(child.id)] ?? -1,
            })),
          },
        })
      }
    >
      <p>{t("restructure.split.explain")}</p>
      <Form.List
        name="parts"
        rules={[
          {
            validator: (_, value: Part[] | undefined) =>
              (value?.length ?? 0) >= 2
                ? Promise.resolve()
                : Promise.reject(new Error(t("restructure.split.needTwo"))),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="split-parts">
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={t("restructure.split.partN", { n: index + 1 })}
                extra={
                  fields.length > 2 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t("restructure.split.removePart", { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <Form.Item
                  name={[field.name, "name"]}
                  label={t("org.name")}
                  rules={[{ required: true, min: 2, message: t("restructure.nameRule") }]}
                >
                  <Input maxLength={300} data-testid={`split-part-name-${index}`} />
                </Form.Item>
                <Space wrap style={{ width: "100%" }} align="start">
                  <Form.Item
                    name={[field.name, "typeCode"]}
                    label={t("org.type")}
                    rules={[{ required: true, message: t("common.required") }]}
                    style={{ minWidth: 220 }}
                  >
                    <TypeSelect parentTypeCode={parentTypeCode} testId={`split-part-type-${index}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, "code"]} label={t("org.codeOptional")}>
                    <Input maxLength={64} data-testid={`split-part-code-${index}`} />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              block
              data-testid="split-add-part"
            >
              {t("restructure.split.addPart")}
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
      {activeChildren.length > 0 && (
        <div style={{ marginTop: 16 }} data-testid="split-assignments">
          <h3 style={{ fontSize: 15 }}>{t("restructure.split.assignTitle")}</h3>
          {activeChildren.map((child) => (
            <Form.Item
              key={child.id}
              name={["assignments", String(child.id)]}
              label={child.name}
              rules={[{ required: true, message: t("restructure.split.assignRequired") }]}
            >
              <Select<number>
                data-testid={`split-assign-${child.id}`}
                placeholder={t("restructure.split.assignPlaceholder")}
                options={parts.map((_, index) => ({ value: index, label: partLabel(index) }))}
              />
            </Form.Item>
          ))}
        </div>
      )}
    </RestructureModal>
  );
}
