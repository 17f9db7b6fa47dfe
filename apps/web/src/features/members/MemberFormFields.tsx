// The personal-data fields of a member record, shared by the admission form and the edit form.
// Hints come from the same rules the server applies (checkMemberRecord); the server stays authoritative.
import { LockOutlined } from "@ant-design/icons";
import type { MemberDetail, MemberPersonalData } from "@namro/contracts";
import {
  checkMemberRecord,
  MEMBER_RECORD_FIELDS,
  MEMBER_RULE_MESSAGES,
  type MemberRuleField,
} from "@namro/domain";
import type { FormInstance } from "antd";
import { AutoComplete, Col, DatePicker, Form, Input, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, fromIsoDate, isAfterToday, todayIso, toIsoDate } from "../../lib/dates.ts";
import {
  COMMON_ETHNICITIES,
  COMMON_RELIGIONS,
  educationOptions,
  sexOptions,
  theoryOptions,
} from "./member-labels.ts";

export interface MemberFormValues {
  fullName: string;
  otherNames?: string | null;
  sex: "male" | "female";
  birthDate: Dayjs;
  birthPlace?: string | null;
  homeTown?: string | null;
  ethnicity: string;
  religion?: string | null;
  citizenId?: string | null;
  cardNumber?: string | null;
  admittedOn: Dayjs;
  fullMemberOn?: Dayjs | null;
  educationGeneral?: string | null;
  educationProfessional: MemberPersonalData["educationProfessional"];
  theoryLevel: MemberPersonalData["theoryLevel"];
  occupation?: string | null;
  awards?: string | null;
  discipline?: string | null;
}

/** Every field the server may point an issue at. */
export const MEMBER_FIELD_NAMES = MEMBER_RECORD_FIELDS;

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

export function formValuesOf(detail: MemberDetail): MemberFormValues {
  return {
    fullName: detail.fullName,
    otherNames: detail.otherNames,
    sex: detail.sex,
    birthDate: fromIsoDate(detail.birthDate),
    birthPlace: detail.birthPlace,
    homeTown: detail.homeTown,
    ethnicity: detail.ethnicity,
    religion: detail.canSeeSensitive ? detail.religion : null,
    citizenId: detail.canSeeSensitive ? detail.citizenId : null,
    cardNumber: detail.cardNumber,
    admittedOn: fromIsoDate(detail.admittedOn),
    fullMemberOn: detail.fullMemberOn ? fromIsoDate(detail.fullMemberOn) : null,
    educationGeneral: detail.educationGeneral,
    educationProfessional: detail.educationProfessional,
    theoryLevel: detail.theoryLevel,
    occupation: detail.occupation,
    awards: detail.awards,
    discipline: detail.canSeeSensitive ? detail.discipline : null,
  };
}

/** The body the API reads. Sensitive fields are sent only by people who may see (and so edit) them. */
export function personalDataOf(values: MemberFormValues, canSeeSensitive: boolean) {
  const body = {
    fullName: values.fullName.trim(),
    otherNames: text(values.otherNames),
    sex: values.sex,
    birthDate: toIsoDate(values.birthDate),
    birthPlace: text(values.birthPlace),
    homeTown: text(values.homeTown),
    ethnicity: text(values.ethnicity) ?? "Kinh",
    cardNumber: text(values.cardNumber),
    admittedOn: toIsoDate(values.admittedOn),
    fullMemberOn: values.fullMemberOn ? toIsoDate(values.fullMemberOn) : null,
    educationGeneral: text(values.educationGeneral),
    educationProfessional: values.educationProfessional,
    theoryLevel: values.theoryLevel,
    occupation: text(values.occupation),
    awards: text(values.awards),
  };
  if (!canSeeSensitive) return body;
  const religion = text(values.religion);
  return {
    ...body,
    ...(religion ? { religion } : {}),
    citizenId: text(values.citizenId),
    discipline: text(values.discipline),
  };
}

/** Rule hints for one field, from the shared record rules. */
function ruleFor<V extends MemberFormValues>(
  form: FormInstance<V>,
  field: MemberRuleField,
  language: string,
) {
  return {
    validator: async () => {
      const values = form.getFieldsValue(true) as Partial<MemberFormValues>;
      if (!values.birthDate || !values.admittedOn) return;
      const violations = checkMemberRecord(
        {
          fullName: values.fullName ?? "",
          birthDate: toIsoDate(values.birthDate),
          admittedOn: toIsoDate(values.admittedOn),
          fullMemberOn: values.fullMemberOn ? toIsoDate(values.fullMemberOn) : null,
          citizenId: values.citizenId ?? null,
          cardNumber: values.cardNumber ?? null,
        },
        todayIso(),
      ).filter((violation) => violation.field === field);
      const first = violations[0];
      if (first) throw new Error(MEMBER_RULE_MESSAGES[first.code][language === "en" ? "en" : "vi"]);
    },
  };
}

function MaskedField({ label, t }: { label: string; t: TFunction }) {
  return (
    <Form.Item label={label}>
      <Input disabled prefix={<LockOutlined />} value={t("members.masked.hidden")} aria-label={label} />
    </Form.Item>
  );
}

interface Props<V extends MemberFormValues> {
  form: FormInstance<V>;
  canSeeSensitive: boolean;
  /** The admission form has no "made full member" date: a new member starts on probation. */
  withFullMemberOn: boolean;
}

export function MemberFormFields<V extends MemberFormValues>({
  form,
  canSeeSensitive,
  withFullMemberOn,
}: Props<V>) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const required = { required: true, message: t("common.required") };
  const col = { xs: 24, md: 12 };
  const datePicker = (testId: string) => (
    <DatePicker
      format={DATE_FORMAT}
      disabledDate={isAfterToday}
      placeholder={t("members.hints.date")}
      style={{ width: "100%" }}
      data-testid={testId}
    />
  );
  return (
    <>
      <h3 className="form-section">{t("members.sections.personal")}</h3>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item
            name="fullName"
            label={t("members.fields.fullName")}
            rules={[required, ruleFor(form, "fullName", language)]}
          >
            <Input maxLength={200} autoComplete="off" data-testid="member-form-fullName" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="otherNames" label={t("members.fields.otherNames")}>
            <Input maxLength={200} data-testid="member-form-otherNames" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="sex" label={t("members.fields.sex")} rules={[required]}>
            <Select options={sexOptions(t)} data-testid="member-form-sex" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="birthDate" label={t("members.fields.birthDate")} rules={[required]}>
            {datePicker("member-form-birthDate")}
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="ethnicity" label={t("members.fields.ethnicity")} rules={[required]}>
            <AutoComplete
              options={COMMON_ETHNICITIES.map((value) => ({ value }))}
              data-testid="member-form-ethnicity"
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="birthPlace" label={t("members.fields.birthPlace")}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="homeTown" label={t("members.fields.homeTown")}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...col}>
          {canSeeSensitive ? (
            <Form.Item
              name="citizenId"
              label={t("members.fields.citizenId")}
              extra={t("members.hints.citizenId")}
              rules={[ruleFor(form, "citizenId", language)]}
            >
              <Input inputMode="numeric" maxLength={20} data-testid="member-form-citizenId" />
            </Form.Item>
          ) : (
            <MaskedField label={t("members.fields.citizenId")} t={t} />
          )}
        </Col>
        <Col {...col}>
          {canSeeSensitive ? (
            <Form.Item name="religion" label={t("members.fields.religion")}>
              <AutoComplete
                options={COMMON_RELIGIONS.map((value) => ({ value }))}
                data-testid="member-form-religion"
              />
            </Form.Item>
          ) : (
            <MaskedField label={t("members.fields.religion")} t={t} />
          )}
        </Col>
        <Col {...col}>
          <Form.Item name="occupation" label={t("members.fields.occupation")}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <h3 className="form-section">{t("members.sections.party")}</h3>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item
            name="cardNumber"
            label={t("members.fields.cardNumber")}
            extra={t("members.hints.cardNumber")}
            rules={[ruleFor(form, "cardNumber", language)]}
          >
            <Input inputMode="numeric" maxLength={20} data-testid="member-form-cardNumber" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="admittedOn"
            label={t("members.fields.admittedOn")}
            rules={[required, ruleFor(form, "admittedOn", language)]}
            dependencies={["birthDate"]}
          >
            {datePicker("member-form-admittedOn")}
          </Form.Item>
        </Col>
        {withFullMemberOn && (
          <Col xs={12} md={6}>
            <Form.Item
              name="fullMemberOn"
              label={t("members.fields.fullMemberOn")}
              rules={[ruleFor(form, "fullMemberOn", language)]}
              dependencies={["admittedOn"]}
            >
              {datePicker("member-form-fullMemberOn")}
            </Form.Item>
          </Col>
        )}
      </Row>
      <h3 className="form-section">{t("members.sections.education")}</h3>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="educationGeneral"
            label={t("members.fields.educationGeneral")}
            extra={t("members.hints.educationGeneral")}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="educationProfessional" label={t("members.fields.educationProfessional")}>
            <Select options={educationOptions(t)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="theoryLevel" label={t("members.fields.theoryLevel")}>
            <Select options={theoryOptions(t)} />
          </Form.Item>
        </Col>
      </Row>
      <h3 className="form-section">{t("members.sections.awards")}</h3>
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="awards" label={t("members.fields.awards")}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col {...col}>
          {canSeeSensitive ? (
            <Form.Item name="discipline" label={t("members.fields.discipline")}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          ) : (
            <MaskedField label={t("members.fields.discipline")} t={t} />
          )}
        </Col>
      </Row>
    </>
  );
}
