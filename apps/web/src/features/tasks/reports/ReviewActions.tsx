// The assigning organisation's review of a submitted report: "Duyệt" (accept, after a confirmation)
// or "Trả lại" (return for correction, with a required reason — the dialog is the confirmation and
// says the report stops counting until it is sent again).
import { CheckOutlined, RollbackOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api.ts";
import { formatNumber } from "../../../lib/dates.ts";
import { errorText } from "../../../lib/errors.ts";
import { acceptReport, returnReport, useTasksChanged } from "./report-queries.ts";

const REASON_MAX = 2000;

interface Props {
  taskId: number;
  reportId: number;
  version: number;
  /** Who and what, for the dialogs ("Báo cáo Tháng 6/2026 của Đảng ủy xã Tân Hưng"). */
  subject: string;
  size?: "small" | "middle";
}

export function ReviewActions({ taskId, reportId, version, subject, size = "middle" }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const changed = useTasksChanged();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const reason = Form.useWatch("reason", form) ?? "";

  const failed = async (caught: unknown) => {
    message.error(errorText(caught, t));
    // Someone else reviewed it meanwhile: show the report as it is now.
    if (
      isApiError(caught, "TASK_REPORT_VERSION_CONFLICT") ||
      isApiError(caught, "TASK_REPORT_NOT_AWAITING_REVIEW")
    )
      await changed();
  };

  const accept = () => {
    modal.confirm({
      title: t("taskReports.review.acceptTitle"),
      content: <span data-testid="report-accept-text">{subject}</span>,
      okText: t("taskReports.review.accept"),
      cancelText: t("common.cancel"),
      okButtonProps: { "data-testid": "report-accept-ok" } as Record<string, string>,
      onOk: async () => {
        try {
          await acceptReport(taskId, reportId, { version });
          message.success(t("taskReports.review.accepted"));
          await changed();
        } catch (caught) {
          await failed(caught);
        }
      },
    });
  };

  const sendReturn = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      await returnReport(taskId, reportId, { version, reason: reason.trim() });
      message.success(t("taskReports.review.returned"));
      setReturning(false);
      form.resetFields();
      await changed();
    } catch (caught) {
      await failed(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap size={[8, 8]}>
        <Button
          type="primary"
          size={size}
          icon={<CheckOutlined />}
          onClick={accept}
          data-testid="report-accept"
          aria-label={`${t("taskReports.review.accept")}: ${subject}`}
        >
          {t("taskReports.review.accept")}
        </Button>
        <Button
          danger
          size={size}
          icon={<RollbackOutlined />}
          onClick={() => setReturning(true)}
          data-testid="report-return"
          aria-label={`${t("taskReports.review.return")}: ${subject}`}
        >
          {t("taskReports.review.return")}
        </Button>
      </Space>
      <Modal
        open={returning}
        title={t("taskReports.review.returnTitle")}
        okText={t("taskReports.review.returnConfirm")}
        cancelText={t("common.cancel")}
        okButtonProps={
          { danger: true, loading: busy, "data-testid": "report-return-ok" } as { danger: boolean }
        }
        onOk={() => form.submit()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
        data-testid="report-return-dialog"
      >
        <p>{subject}</p>
        <p className="muted">{t("taskReports.review.returnHelp")}</p>
        <Form form={form} layout="vertical" onFinish={(values) => void sendReturn(values)}>
          <Form.Item
            name="reason"
            label={t("taskReports.review.reason")}
            rules={[{ required: true, whitespace: true, message: t("taskReports.review.reasonRequired") }]}
            // The count as help below the error, not antd's floating counter that the error runs into.
            extra={
              <span data-testid="report-return-count">
                {t("taskReports.review.reasonCount", {
                  n: formatNumber(reason.length),
                  max: formatNumber(REASON_MAX),
                })}
              </span>
            }
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={REASON_MAX}
              data-testid="report-return-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
