// The header fields of a document, shared by the upload wizard (a proposed header to confirm) and the
// edit drawer: type, number (empty = the next number of the committee's term), issuer codes, issuing
// organisation, term, date, place, subject, signer, named citation, status, confidentiality, recipients.
import type { Confidentiality, DocumentDetail, DocumentStatus } from "@namro/contracts";
import type { FormInstance } from "antd";
import { Col, DatePicker, Form, Input, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { issuerOptions, typeOptions } from "../document-reference-data/reference-data-labels.ts";
import {
  useCommitteeTerms,
  useDocumentIssuers,
  useDocumentTypes,
} from "../document-reference-data/reference-data-queries.ts";
import { confidentialityOptions, statusOptions } from "./document-labels.ts";

export interface DocumentFormValues {
  typeId?: number | undefined;
  number?: string | null;
  issuerCodes: string[];
  issuingOrgId?: number | null;
  termId?: number | null;
  issuedOn?: Dayjs | null;
  place?: string | null;
  subject?: string | undefined;
  signer?: string | null;
  citation?: string | null;
  status: DocumentStatus;
  confidentiality: Confidentiality;
  recipientOrgIds: number[];
}

/** Every field the server may point an issue at. */
export const DOCUMENT_FIELD_NAMES = [
  "typeId",
  "number",
  "issuerCodes",
  "issuingOrgId",
  "termId",
  "issuedOn",
  "place",
  "subject",
  "signer",
  "citation",
  "status",
  "confidentiality",
  "recipientOrgIds",
] as const;

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export function formValuesOfDocument(detail: DocumentDetail): DocumentFormValues {
  return {
    typeId: detail.typeId,
    number: detail.number,
    issuerCodes: detail.issuerCodes,
    issuingOrgId: detail.issuingOrgId,
    termId: detail.termId,
    issuedOn: detail.issuedOn ? fromIsoDate(detail.issuedOn) : null,
    place: detail.place,
    subject: detail.subject,
    signer: detail.signer,
    citation: detail.citation,
    status: detail.status,
    confidentiality: detail.confidentiality,
    recipientOrgIds: detail.recipients.map((recipient) => recipient.orgId),
  };
}

/** The body the API reads (the form's required fields are checked before this is called). */
export function documentFieldsOf(values: DocumentFormValues) {
  return {
    typeId: values.typeId ?? 0,
    number: text(values.number),
    issuerCodes: values.issuerCodes,
    issuingOrgId: values.issuingOrgId ?? null,
    termId: values.termId ?? null,
    issuedOn: values.issuedOn ? toIsoDate(values.issuedOn) : "",
    place: text(values.place),
    subject: values.subject?.trim() ?? "",
    signer: text(values.signer),
    citation: text(values.citation),
    status: values.status,
    confidentiality: values.confidentiality,
    recipientOrgIds: values.recipientOrgIds ?? [],
  };
}

interface Props {
  form: FormInstance<DocumentFormValues>;
  /** Labels of organisations already chosen (issuing organisation, recipients). */
  knownOrgLabels: Readonly<Record<number, string>>;
  /** Whether the person may set a confidentiality above normal. */
  canSetConfidential: boolean;
}

export function DocumentFormFields({ form, knownOrgLabels, canSetConfidential }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const types = useDocumentTypes();
  const issuers = useDocumentIssuers();
  const typeId = Form.useWatch("typeId", form);
  const issuingOrgId = Form.useWatch("issuingOrgId", form);
  const issuerCodes = Form.useWatch("issuerCodes", form) ?? [];
  const number = Form.useWatch("number", form);
  const leadIssuer = issuerCodes[0];
  const terms = useCommitteeTerms(issuingOrgId ? { orgId: issuingOrgId } : { issuerCode: leadIssuer });
  const chosenType = types.data?.items.find((type) => type.id === typeId);
  const numberEmpty = (number ?? "").trim() === "";

  let numberHint: string;
  if (!numberEmpty) numberHint = t("documents.form.numberHint");
  else if (chosenType?.system === "party" && issuingOrgId) numberHint = t("documents.form.numberAuto");
  else numberHint = t("documents.form.numberNeeded");

  const required = { required: true, message: t("common.required") };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="typeId" label={t("documents.fields.type")} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={types.isPending}
            options={typeOptions(types.data?.items ?? [], english, typeId).map((group) => ({
              label: t(`documents.system.${group.system}`),
              options: group.options,
            }))}
            data-testid="document-form-type"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="number"
          label={t("documents.fields.number")}
          extra={<span data-testid="document-form-number-hint">{numberHint}</span>}
        >
          <Input
            placeholder={t("documents.form.numberPlaceholder")}
            maxLength={30}
            data-testid="document-form-number"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="issuerCodes"
          label={t("documents.fields.issuerCodes")}
          extra={t("documents.form.issuerHint")}
          rules={[{ ...required, type: "array", min: 1 }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={issuers.isPending}
            options={issuerOptions(issuers.data?.items ?? [], english)}
            labelRender={(option) => String(option.value)}
            popupMatchSelectWidth={false}
            data-testid="document-form-issuers"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="issuingOrgId"
          label={t("documents.fields.issuingOrg")}
          extra={t("documents.form.issuingOrgHint")}
        >
          <OrgPicker
            testId="document-form-issuing-org"
            ariaLabel={t("documents.fields.issuingOrg")}
            knownLabels={knownOrgLabels}
            // The term belongs to the issuing organisation: choose it again.
            onChange={() => form.setFieldValue("termId", null)}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="issuedOn" label={t("documents.fields.issuedOn")} rules={[required]}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: "100%" }}
            placeholder={t("documents.form.datePlaceholder")}
            data-testid="document-form-date"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="place" label={t("documents.fields.place")}>
          <Input maxLength={200} data-testid="document-form-place" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="termId" label={t("documents.fields.term")} extra={t("documents.form.termHint")}>
          <Select
            allowClear
            loading={terms.isFetching}
            options={(terms.data?.items ?? []).map((term) => ({ value: term.id, label: term.label }))}
            placeholder={t("documents.form.termAuto")}
            data-testid="document-form-term"
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="subject" label={t("documents.fields.subject")} rules={[required]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="document-form-subject"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="signer" label={t("documents.fields.signer")}>
          <Input maxLength={200} data-testid="document-form-signer" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="citation"
          label={t("documents.fields.citation")}
          extra={t("documents.form.citationHint")}
        >
          <Input maxLength={300} data-testid="document-form-citation" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="status" label={t("documents.fields.status")} rules={[required]}>
          <Select options={statusOptions(t)} data-testid="document-form-status" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="confidentiality" label={t("documents.fields.confidentiality")} rules={[required]}>
          <Select
            options={confidentialityOptions(t).map((option) => ({
              ...option,
              disabled: option.value !== "normal" && !canSetConfidential,
            }))}
            data-testid="document-form-confidentiality"
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="recipientOrgIds" label={t("documents.fields.recipients")}>
          <OrgPicker
            multiple
            testId="document-form-recipients"
            ariaLabel={t("documents.fields.recipients")}
            knownLabels={knownOrgLabels}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
