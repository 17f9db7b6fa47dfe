// Committee terms (nhiệm kỳ, khóa) of an organisation of the tree, or of an issuer outside it such as
// the Central Committee (TW). Numbering restarts at 01 per type in each term.
import { PlusOutlined } from "@ant-design/icons";
import { type CommitteeTerm, documentReferenceDataRoutes } from "@namro/contracts";
import { Alert, Button, Col, DatePicker, Form, Input, Row, Segmented, Select, Space, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { DATE_FORMAT, formatDate, fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { editColumn, ReferenceDataDialog } from "./ReferenceDataDialog.tsx";
import { issuerOptions } from "./reference-data-labels.ts";
import { useCommitteeTerms, useDocumentIssuers } from "./reference-data-queries.ts";

interface Values {
  label: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
}
const FIELDS = ["label", "startsOn", "endsOn", "orgId", "issuerCode"] as const;

interface Owner {
  orgId?: number | undefined;
  issuerCode?: string | undefined;
}

function TermDialog({
  owner,
  editing,
  onClose,
}: {
  owner: Owner;
  editing: CommitteeTerm | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = (values: Values) => {
    const dates = {
      label: values.label,
      startsOn: toIsoDate(values.startsOn),
      endsOn: values.endsOn ? toIsoDate(values.endsOn) : null,
    };
    if (editing)
      return apiCall(documentReferenceDataRoutes.updateCommitteeTerm, {
        params: { id: editing.id },
        body: dates,
      });
    return apiCall(documentReferenceDataRoutes.createCommitteeTerm, {
      body: owner.orgId
        ? { ...dates, orgId: owner.orgId }
        : { ...dates, issuerCode: owner.issuerCode ?? null },
    });
  };
  return (
    <ReferenceDataDialog<Values>
      open={editing !== undefined}
      title={
        editing
          ? t("documentReferenceData.terms.editTitle", { label: editing.label })
          : t("documentReferenceData.terms.add")
      }
      testId="committee-term-dialog"
      form={form}
      fieldNames={FIELDS}
      values={
        editing
          ? {
              label: editing.label,
              startsOn: fromIsoDate(editing.startsOn),
              endsOn: editing.endsOn ? fromIsoDate(editing.endsOn) : null,
            }
          : null
      }
      save={save}
      onClose={onClose}
    >
      <Form.Item
        name="label"
        label={t("documentReferenceData.terms.label")}
        extra={t("documentReferenceData.terms.labelHint")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Input maxLength={200} data-testid="committee-term-label" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="startsOn"
            label={t("documentReferenceData.terms.startsOn")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="committee-term-starts" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="endsOn"
            label={t("documentReferenceData.terms.endsOn")}
            extra={t("documentReferenceData.terms.endsOnHint")}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="committee-term-ends" />
          </Form.Item>
        </Col>
      </Row>
    </ReferenceDataDialog>
  );
}

export function CommitteeTermsTab() {
  const { t, i18n } = useTranslation();
  const [ownerKind, setOwnerKind] = useState<"issuer" | "org">("issuer");
  const [issuerCode, setIssuerCode] = useState<string>("TW");
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const owner: Owner = ownerKind === "org" ? { orgId } : { issuerCode };
  const issuers = useDocumentIssuers();
  const terms = useCommitteeTerms(owner);
  const [editing, setEditing] = useState<CommitteeTerm | null | undefined>(undefined);
  const items = [...(terms.data?.items ?? [])].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const hasOwner = ownerKind === "org" ? orgId !== undefined : issuerCode !== "";

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<"issuer" | "org">
          value={ownerKind}
          onChange={setOwnerKind}
          options={[
            { value: "issuer", label: t("documentReferenceData.terms.ofIssuer") },
            { value: "org", label: t("documentReferenceData.terms.ofOrg") },
          ]}
          data-testid="committee-term-owner-kind"
        />
        {ownerKind === "issuer" ? (
          <Select<string>
            value={issuerCode}
            onChange={setIssuerCode}
            showSearch={{ optionFilterProp: "label" }}
            options={issuerOptions(issuers.data?.items ?? [], i18n.language === "en")}
            style={{ minWidth: 260 }}
            popupMatchSelectWidth={false}
            aria-label={t("documentReferenceData.terms.ofIssuer")}
            data-testid="committee-term-issuer"
          />
        ) : (
          <OrgPicker
            value={orgId}
            onChange={setOrgId}
            ariaLabel={t("documentReferenceData.terms.ofOrg")}
            testId="committee-term-org"
            style={{ minWidth: 260 }}
          />
        )}
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!hasOwner}
          onClick={() => setEditing(null)}
          data-testid="committee-term-add"
        >
          {t("documentReferenceData.terms.add")}
        </Button>
      </Space>
      {terms.isError && <Alert type="error" showIcon title={errorText(terms.error, t)} />}
      <Table<CommitteeTerm>
        size="small"
        rowKey="id"
        loading={terms.isFetching}
        dataSource={hasOwner ? items : []}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="committee-term-table"
        locale={{
          emptyText: hasOwner
            ? t("documentReferenceData.terms.none")
            : t("documentReferenceData.terms.chooseOwner"),
        }}
        columns={[
          { title: t("documentReferenceData.terms.label"), dataIndex: "label" },
          {
            title: t("documentReferenceData.terms.startsOn"),
            dataIndex: "startsOn",
            width: 130,
            render: (value: string) => formatDate(value),
          },
          {
            title: t("documentReferenceData.terms.endsOn"),
            dataIndex: "endsOn",
            width: 130,
            render: (value: string | null) =>
              value ? formatDate(value) : t("documentReferenceData.terms.running"),
          },
          editColumn<CommitteeTerm>(t, setEditing, (term) => term.label),
        ]}
      />
      <TermDialog owner={owner} editing={editing} onClose={() => setEditing(undefined)} />
    </div>
  );
}
