// Create a sub-unit, rename, move, dissolve: the restructurings that touch one organisation.
import { type OrgDetail, organisationRoutes } from "@namro/contracts";
import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../../lib/api.ts";
import { OrgPicker } from "../../../ui/OrgPicker.tsx";
import { type BasisValues, RestructureModal } from "./RestructureModal.tsx";
import { TypeSelect } from "./TypeSelect.tsx";

interface DialogProps {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
  onDone?: () => void;
}

interface CreateValues extends BasisValues {
  name: string;
  code?: string;
  typeCode: string;
}

export function CreateSubUnitDialog({ org, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  return (
    <RestructureModal<CreateValues>
      open={open}
      onClose={onClose}
      {...(onDone ? { onDone } : {})}
      form={form}
      title={t("restructure.create.title", { name: org.name })}
      testId="dialog-create"
      fieldNames={["name", "code", "typeCode"]}
      okText={t("restructure.create.ok")}
      successText={t("restructure.create.done")}
      submit={(values, basis) =>
        apiCall(organisationRoutes.createOrg, {
          body: {
            ...basis,
            name: values.name,
            typeCode: values.typeCode,
            parentId: org.id,
            ...(values.code?.trim() ? { code: values.code.trim() } : {}),
          },
        })
      }
    >
      <Form.Item
        name="name"
        label={t("org.name")}
        rules={[{ required: true, min: 2, message: t("restructure.nameRule") }]}
      >
        <Input maxLength={300} data-testid="create-name" />
      </Form.Item>
      <Form.Item
        name="typeCode"
        label={t("org.type")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <TypeSelect parentTypeCode={org.typeCode} testId="create-type" />
      </Form.Item>
      <Form.Item name="code" label={t("org.codeOptional")} extra={t("restructure.codeHint")}>
        <Input maxLength={64} data-testid="create-code" />
      </Form.Item>
    </RestructureModal>
  );
}

interface RenameValues extends BasisValues {
  name: string;
}

export function RenameDialog({ org, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RenameValues>();
  return (
    <RestructureModal<RenameValues>
      open={open}
      onClose={onClose}
      {...(onDone ? { onDone } : {})}
      form={form}
      title={t("restructure.rename.title", { name: org.name })}
      testId="dialog-rename"
      fieldNames={["name"]}
      initialValues={{ name: org.name }}
      okText={t("restructure.rename.ok")}
      successText={t("restructure.rename.done")}
      submit={(values, basis) =>
        apiCall(organisationRoutes.renameOrg, {
          params: { id: org.id },
          body: { ...basis, name: values.name, version: org.version },
        })
      }
    >
      <Form.Item
        name="name"
        label={t("restructure.rename.newName")}
        rules={[{ required: true, min: 2, message: t("restructure.nameRule") }]}
      >
        <Input maxLength={300} data-testid="rename-name" />
      </Form.Item>
    </RestructureModal>
  );
}

interface MoveValues extends BasisValues {
  newParentId: number;
}

export function MoveDialog({ org, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const currentParent = org.ancestors.at(-1);
  return (
    <RestructureModal<MoveValues>
      open={open}
      onClose={onClose}
      {...(onDone ? { onDone } : {})}
      form={form}
      title={t("restructure.move.title", { name: org.name })}
      testId="dialog-move"
      fieldNames={["newParentId"]}
      okText={t("restructure.move.ok")}
      successText={t("restructure.move.done")}
      submit={(values, basis) =>
        apiCall(organisationRoutes.moveOrg, {
          params: { id: org.id },
          body: { ...basis, newParentId: values.newParentId, version: org.version },
        })
      }
    >
      {currentParent && (
        <p className="muted">{t("restructure.move.currentParent", { name: currentParent.name })}</p>
      )}
      <Form.Item
        name="newParentId"
        label={t("restructure.move.newParent")}
        extra={t("orgPicker.hint")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <OrgPicker
          testId="move-parent"
          excludeIds={[org.id, ...(currentParent ? [currentParent.id] : [])]}
          suggestRoleOrgs={false}
          style={{ width: "100%" }}
        />
      </Form.Item>
    </RestructureModal>
  );
}

type DissolveValues = BasisValues;

export function DissolveDialog({ org, open, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DissolveValues>();
  return (
    <RestructureModal<DissolveValues>
      open={open}
      onClose={onClose}
      {...(onDone ? { onDone } : {})}
      form={form}
      title={t("restructure.dissolve.title", { name: org.name })}
      testId="dialog-dissolve"
      fieldNames={[]}
      danger
      okText={t("restructure.dissolve.ok")}
      successText={t("restructure.dissolve.done")}
      confirmText={() => t("restructure.dissolve.confirm", { name: org.name })}
      submit={(_, basis) =>
        apiCall(organisationRoutes.dissolveOrg, {
          params: { id: org.id },
          body: { ...basis, version: org.version },
        })
      }
    >
      <p>{t("restructure.dissolve.explain")}</p>
    </RestructureModal>
  );
}
