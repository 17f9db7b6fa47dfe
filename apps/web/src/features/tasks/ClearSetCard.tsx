// An organisation's clear-set (DOMAIN.md §2) on its page: the clears its tasks are checked against,
// where the set comes from (its own, an ancestor's, or the default five), and — for those who manage
// tasks there — an editor: labels in both languages, the aspect each measures, add, remove, reorder,
// start again from the default five, or drop the own set to inherit again.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { type ClearSet, TASK_ROUTES } from "@namro/contracts";
import { DEFAULT_CLEARS } from "@namro/domain";
import { Alert, App, Button, Card, Grid, Input, Modal, Popconfirm, Select, Space, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { errorText } from "../../lib/errors.ts";
import { hasPermission, useMe } from "../auth/session.ts";
import {
  CLEAR_ASPECTS,
  type ClearRow,
  clearSetProblems,
  keyForLabel,
  MAX_CLEARS,
  moveRow,
  versionToSend,
} from "./clear-set-edit.ts";
import { useClearSet, useClearSetSaved } from "./task-queries.ts";

function SourceLine({ set }: { set: ClearSet }) {
  const { t } = useTranslation();
  if (set.sourceOrgId === null) return <span className="muted">{t("tasks.clearSet.sourceDefault")}</span>;
  if (set.sourceOrgId === set.orgId) return <span className="muted">{t("tasks.clearSet.sourceOwn")}</span>;
  return (
    <span className="muted">{t("tasks.clearSet.sourceInherited", { name: set.sourceOrgName ?? "" })}</span>
  );
}

export function ClearSetCard({ orgId }: { orgId: number }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const canRead = hasPermission(me, "task.read");
  const set = useClearSet(canRead ? orgId : undefined);
  const [editing, setEditing] = useState(false);
  if (!canRead) return null;
  const english = i18n.language.startsWith("en");
  return (
    <Card
      title={t("tasks.clearSet.title")}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="clear-set"
      extra={
        set.data?.canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="clear-set-edit"
          >
            {t("tasks.clearSet.edit")}
          </Button>
        ) : null
      }
    >
      {set.isError && <Alert type="error" showIcon title={errorText(set.error, t)} />}
      {set.data && (
        <>
          <SourceLine set={set.data} />
          <ol style={{ margin: "8px 0 0", paddingInlineStart: 20 }} data-testid="clear-set-list">
            {set.data.clears.map((clear) => (
              <li key={clear.key}>
                {english ? clear.label.en : clear.label.vi}{" "}
                <Tag style={{ marginInlineStart: 4 }}>{t(`tasks.clearSet.aspects.${clear.aspect}`)}</Tag>
              </li>
            ))}
          </ol>
          {set.data.canEdit && (
            <ClearSetEditor set={set.data} open={editing} onClose={() => setEditing(false)} />
          )}
        </>
      )}
    </Card>
  );
}

function ClearSetEditor({ set, open, onClose }: { set: ClearSet; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useClearSetSaved();
  const phone = !Grid.useBreakpoint().md;
  const [rows, setRows] = useState<ClearRow[]>(set.clears);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setRows(set.clears.map((clear) => ({ ...clear, label: { ...clear.label } })));
    setError(null);
  }, [open]);

  const problems = clearSetProblems(rows);
  const update = (index: number, change: Partial<ClearRow>) =>
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const save = async (clears: ClearRow[] | null) => {
    setSaving(true);
    setError(null);
    try {
      const next = await apiCall(TASK_ROUTES.updateClearSet, {
        params: { orgId: set.orgId },
        body: {
          clears:
            clears?.map((row) => ({
              key: row.key,
              aspect: row.aspect,
              label: { vi: row.label.vi.trim(), en: row.label.en.trim() },
            })) ?? null,
          version: versionToSend(set),
        },
      });
      await saved(next);
      message.success(t("common.saved"));
      onClose();
    } catch (caught) {
      // Someone else saved first: their set is loaded; what was typed here stays for another try.
      if (isApiError(caught, "CLEAR_SET_VERSION_CONFLICT")) await saved(set);
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  const viInput = (row: ClearRow, index: number) => (
    <Input
      value={row.label.vi}
      maxLength={100}
      status={row.label.vi.trim() === "" ? "error" : ""}
      aria-label={t("tasks.clearSet.labelViOf", { n: index + 1 })}
      onChange={(event) => {
        const vi = event.target.value;
        // A new clear's key follows its label until saved; a saved clear's key never changes.
        const isNew = !set.clears.some((clear) => clear.key === row.key);
        const taken = new Set(rows.filter((_, i) => i !== index).map((other) => other.key));
        update(index, {
          label: { ...row.label, vi },
          ...(isNew ? { key: keyForLabel(vi || t("tasks.clearSet.newLabel"), taken) } : {}),
        });
      }}
      data-testid="clear-set-label-vi"
    />
  );
  const enInput = (row: ClearRow, index: number) => (
    <Input
      value={row.label.en}
      maxLength={100}
      status={row.label.en.trim() === "" ? "error" : ""}
      aria-label={t("tasks.clearSet.labelEnOf", { n: index + 1 })}
      onChange={(event) => update(index, { label: { ...row.label, en: event.target.value } })}
      data-testid="clear-set-label-en"
    />
  );
  const aspectSelect = (row: ClearRow, index: number, width: number | string) => (
    <Select
      value={row.aspect}
      style={{ width }}
      aria-label={t("tasks.clearSet.aspectOf", { n: index + 1 })}
      onChange={(aspect) => update(index, { aspect })}
      options={CLEAR_ASPECTS.map((aspect) => ({
        value: aspect,
        label: t(`tasks.clearSet.aspects.${aspect}`),
      }))}
    />
  );
  const rowActions = (index: number) => (
    <Space size={4}>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        aria-label={t("tasks.clearSet.up", { n: index + 1 })}
        onClick={() => setRows((previous) => moveRow(previous, index, -1))}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={index === rows.length - 1}
        aria-label={t("tasks.clearSet.down", { n: index + 1 })}
        onClick={() => setRows((previous) => moveRow(previous, index, 1))}
      />
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label={t("tasks.clearSet.remove", { n: index + 1 })}
        onClick={() => setRows((previous) => previous.filter((_, i) => i !== index))}
      />
    </Space>
  );

  const addRow = () =>
    setRows((previous) => {
      const taken = new Set(previous.map((row) => row.key));
      return [
        ...previous,
        {
          key: keyForLabel(t("tasks.clearSet.newLabel"), taken),
          aspect: "result",
          label: { vi: "", en: "" },
        },
      ];
    });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t("tasks.clearSet.editTitle")}
      width={860}
      destroyOnHidden
      data-testid="clear-set-editor"
      footer={
        <Space wrap>
          <Button
            type="primary"
            loading={saving}
            disabled={problems.length > 0}
            onClick={() => void save(rows)}
            data-testid="clear-set-save"
          >
            {t("common.save")}
          </Button>
          {set.sourceOrgId === set.orgId && (
            <Popconfirm
              title={t("tasks.clearSet.inheritConfirm")}
              okText={t("tasks.clearSet.inherit")}
              cancelText={t("tasks.dialog.back")}
              onConfirm={() => void save(null)}
            >
              <Button data-testid="clear-set-inherit">{t("tasks.clearSet.inherit")}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t("common.close")}</Button>
        </Space>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t("tasks.clearSet.explain")}
      </p>
      {phone ? (
        // On a phone each clear is a small card with its fields one under another: no sideways scroll.
        <Space orientation="vertical" size={8} style={{ width: "100%" }} data-testid="clear-set-rows">
          {rows.map((row, index) => (
            <Card
              key={index}
              size="small"
              title={t("tasks.clearSet.rowTitle", { n: index + 1 })}
              extra={rowActions(index)}
            >
              <div style={{ marginBottom: 6 }}>
                <span className="muted" style={{ fontSize: 12 }}>
                  {t("tasks.clearSet.labelVi")}
                </span>
                {viInput(row, index)}
              </div>
              <div style={{ marginBottom: 6 }}>
                <span className="muted" style={{ fontSize: 12 }}>
                  {t("tasks.clearSet.labelEn")}
                </span>
                {enInput(row, index)}
              </div>
              <div>
                <span className="muted" style={{ fontSize: 12 }}>
                  {t("tasks.clearSet.aspect")}
                </span>
                {aspectSelect(row, index, "100%")}
              </div>
            </Card>
          ))}
        </Space>
      ) : (
        <Table<ClearRow>
          size="small"
          rowKey={(_, index) => String(index)}
          pagination={false}
          dataSource={rows}
          scroll={{ x: "max-content" }}
          columns={[
            {
              title: t("tasks.clearSet.labelVi"),
              key: "vi",
              render: (_, row, index) => viInput(row, index),
            },
            {
              title: t("tasks.clearSet.labelEn"),
              key: "en",
              render: (_, row, index) => enInput(row, index),
            },
            {
              title: t("tasks.clearSet.aspect"),
              key: "aspect",
              width: 190,
              render: (_, row, index) => aspectSelect(row, index, 180),
            },
            {
              title: "",
              key: "actions",
              width: 130,
              render: (_, _row, index) => rowActions(index),
            },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={addRow}
          disabled={rows.length >= MAX_CLEARS}
          data-testid="clear-set-add"
        >
          {t("tasks.clearSet.add")}
        </Button>
        <Button
          onClick={() => setRows(DEFAULT_CLEARS.map((clear) => ({ ...clear, label: { ...clear.label } })))}
          data-testid="clear-set-default"
        >
          {t("tasks.clearSet.useDefault")}
        </Button>
      </Space>
      {problems.length > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title={problems
            .map((problem) => t(`tasks.clearSet.problems.${problem}`, { n: MAX_CLEARS }))
            .join(" ")}
        />
      )}
      {error && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          title={error}
          role="alert"
          data-testid="clear-set-error"
        />
      )}
    </Modal>
  );
}
