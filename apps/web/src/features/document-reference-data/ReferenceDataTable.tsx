// The table every named reference list (document types, issuer codes) shows: an add button, the load
// error, and the rows as code, Vietnamese and English name, the list's own columns, sort order and an
// edit button. Each tab supplies only its code column, its own columns and its dialog.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors.ts";
import { editColumn } from "./ReferenceDataDialog.tsx";

interface Named {
  nameVi: string;
  nameEn: string;
  sortOrder: number;
}

interface Props<T extends Named> {
  items: readonly T[];
  rowKey: keyof T & string;
  loading: boolean;
  error: unknown;
  addLabel: string;
  addTestId: string;
  tableTestId: string;
  /** The code or abbreviation numbers carry, shown first and in bold. */
  code: { title: string; dataIndex: keyof T & string };
  /** The list's own columns, between the names and the sort order. */
  columns: ColumnsType<T>;
  /** Opens the dialog: null to add, a row to edit it. */
  onEdit: (row: T | null) => void;
  /** How the edit button names its row to a screen reader. */
  nameOf: (row: T) => string;
}

export function ReferenceDataTable<T extends Named>(props: Props<T>) {
  const { t } = useTranslation();
  return (
    <div>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => props.onEdit(null)}
        style={{ marginBottom: 12 }}
        data-testid={props.addTestId}
      >
        {props.addLabel}
      </Button>
      {props.error ? <Alert type="error" showIcon title={errorText(props.error, t)} /> : null}
      <Table<T>
        size="small"
        rowKey={props.rowKey}
        loading={props.loading}
        dataSource={[...props.items]}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid={props.tableTestId}
        columns={[
          {
            title: props.code.title,
            dataIndex: props.code.dataIndex,
            width: 110,
            render: (value: string) => <strong>{value}</strong>,
          },
          {
            title: t("documentReferenceData.name"),
            key: "name",
            render: (_, row) => (
              <div>
                <div lang="vi">{row.nameVi}</div>
                <div lang="en" className="muted">
                  {row.nameEn}
                </div>
              </div>
            ),
          },
          ...props.columns,
          { title: t("documentReferenceData.sortOrder"), dataIndex: "sortOrder", width: 90 },
          editColumn<T>(t, props.onEdit, props.nameOf),
        ]}
      />
    </div>
  );
}
