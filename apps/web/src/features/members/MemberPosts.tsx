// Posts a member holds or held, Party and government, concurrent ones side by side; adding a post and
// recording its end.
import { PlusOutlined, StopOutlined } from "@ant-design/icons";
import { type MemberDetail, type MemberPost, memberRoutes } from "@namro/contracts";
import { Alert, App, Button, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { DATE_FORMAT, formatDate, isAfterToday, toIsoDate } from "../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { useMemberSaved, usePostTypes } from "./member-queries.ts";

const KIND_COLORS = { party: "red", government: "blue", mass: "green" } as const;

interface AddValues {
  postType: string;
  orgId?: number;
  heldAt?: string;
  startedOn: Dayjs;
  endedOn?: Dayjs | null;
}

function AddPostDialog({
  member,
  open,
  onClose,
}: {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const types = usePostTypes();
  const saved = useMemberSaved();
  const [form] = Form.useForm<AddValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const english = i18n.language === "en";

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async (values: AddValues) => {
    setSaving(true);
    setError(null);
    try {
      const detail = await apiCall(memberRoutes.addMemberPost, {
        params: { id: member.id },
        body: {
          postType: values.postType,
          orgId: values.orgId ?? null,
          heldAt: values.heldAt?.trim() || null,
          startedOn: toIsoDate(values.startedOn),
          endedOn: values.endedOn ? toIsoDate(values.endedOn) : null,
          version: member.version,
        },
      });
      await saved(detail);
      message.success(t("members.posts.added"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "MEMBER_VERSION_CONFLICT")) await saved(null);
      const leftover = applyFieldErrors(form, caught, [
        "postType",
        "orgId",
        "heldAt",
        "startedOn",
        "endedOn",
      ]);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  const groups = (["party", "government", "mass"] as const).map((kind) => ({
    label: t(`members.postKind.${kind}`),
    options: (types.data?.items ?? [])
      .filter((type) => type.kind === kind)
      .map((type) => ({ value: type.code, label: english ? type.nameEn : type.nameVi })),
  }));

  return (
    <Modal
      open={open}
      title={t("members.posts.addTitle", { name: member.fullName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("members.posts.add")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "member-post-submit" }}
      destroyOnHidden
      modalRender={(node) => <div data-testid="dialog-member-post">{node}</div>}
    >
      <Form<AddValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ startedOn: dayjs() }}
      >
        <Form.Item
          name="postType"
          label={t("members.posts.type")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={groups.filter((group) => group.options.length > 0)}
            loading={types.isPending}
            data-testid="member-post-type"
          />
        </Form.Item>
        <Form.Item name="orgId" label={t("members.posts.org")} extra={t("members.posts.orgHint")}>
          <OrgPicker testId="member-post-org" ariaLabel={t("members.posts.org")} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="heldAt" label={t("members.posts.heldAt")} extra={t("members.posts.heldAtHint")}>
          <Input maxLength={300} data-testid="member-post-held-at" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="startedOn"
            label={t("members.posts.startedOn")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={isAfterToday} data-testid="member-post-started" />
          </Form.Item>
          <Form.Item name="endedOn" label={t("members.posts.endedOn")}>
            <DatePicker format={DATE_FORMAT} disabledDate={isAfterToday} />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </Modal>
  );
}

function EndPostDialog({
  member,
  post,
  onClose,
}: {
  member: MemberDetail;
  post: MemberPost | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const saved = useMemberSaved();
  const [endedOn, setEndedOn] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setEndedOn(dayjs());
    setError(null);
  }, [post]);
  if (!post) return null;
  const submit = async () => {
    if (!endedOn) return;
    setSaving(true);
    setError(null);
    try {
      const detail = await apiCall(memberRoutes.endMemberPost, {
        params: { id: member.id, postId: post.id },
        body: { endedOn: toIsoDate(endedOn), version: member.version },
      });
      await saved(detail);
      message.success(t("members.posts.ended"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "MEMBER_VERSION_CONFLICT")) await saved(null);
      const issues = isApiError(caught) ? caught.issues.map((issue) => issue.message) : [];
      setError([errorText(caught, t), ...issues].join(" "));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("members.posts.endTitle", {
        post: i18n.language === "en" ? post.postNameEn : post.postNameVi,
      })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("members.posts.end")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      okButtonProps={{ disabled: !endedOn, "data-testid": "member-post-end-submit" }}
    >
      <label htmlFor="post-ended-on">{t("members.posts.endedOn")}</label>
      <DatePicker
        id="post-ended-on"
        format={DATE_FORMAT}
        value={endedOn}
        onChange={setEndedOn}
        disabledDate={isAfterToday}
        style={{ display: "block", marginTop: 4 }}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

export function MemberPosts({ member, canEdit }: { member: MemberDetail; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<MemberPost | null>(null);
  const english = i18n.language === "en";
  // Current posts first, then the most recent.
  const posts = [...member.posts].sort((a, b) =>
    a.endedOn === null && b.endedOn !== null
      ? -1
      : b.endedOn === null && a.endedOn !== null
        ? 1
        : b.startedOn.localeCompare(a.startedOn),
  );
  return (
    <div data-testid="member-posts">
      {posts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("members.posts.none")} />
      ) : (
        <List
          size="small"
          dataSource={posts}
          renderItem={(post) => (
            <List.Item
              key={post.id}
              data-testid="member-post"
              actions={
                canEdit && post.endedOn === null
                  ? [
                      <Button
                        key="end"
                        size="small"
                        icon={<StopOutlined />}
                        onClick={() => setEnding(post)}
                        data-testid="member-post-end"
                      >
                        {t("members.posts.end")}
                      </Button>,
                    ]
                  : []
              }
            >
              <div>
                <Space size={4} wrap>
                  <strong>{english ? post.postNameEn : post.postNameVi}</strong>
                  <Tag color={KIND_COLORS[post.postKind]}>{t(`members.postKind.${post.postKind}`)}</Tag>
                  {post.endedOn === null && <Tag color="processing">{t("members.posts.current")}</Tag>}
                </Space>
                {post.heldAt && <div>{post.heldAt}</div>}
                <div className="muted" style={{ fontSize: 12 }}>
                  {post.endedOn
                    ? t("members.posts.span", {
                        from: formatDate(post.startedOn),
                        to: formatDate(post.endedOn),
                      })
                    : t("members.posts.since", { from: formatDate(post.startedOn) })}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      {canEdit && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginTop: 8 }}
          data-testid="member-post-add"
        >
          {t("members.posts.add")}
        </Button>
      )}
      {canEdit && <AddPostDialog member={member} open={adding} onClose={() => setAdding(false)} />}
      {canEdit && <EndPostDialog member={member} post={ending} onClose={() => setEnding(null)} />}
    </div>
  );
}
