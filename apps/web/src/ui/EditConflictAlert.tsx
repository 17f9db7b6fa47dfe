// The warning an edit drawer shows when its save met someone else's newer version: the fields both
// people changed, theirs beside mine, and a button to take theirs. Documents, members and tasks share it;
// each gives its texts and test ids (`<testIdPrefix>-conflict`, …).
import { Alert, Button, Space, Table } from "antd";
import type { ReactNode, Ref } from "react";

export type ConflictTextKey =
  | "conflictTitle"
  | "conflictExplain"
  | "conflictSame"
  | "field"
  | "theirs"
  | "mine"
  | "takeTheirs";

export interface ConflictRow {
  field: string;
  mine: unknown;
  theirs: unknown;
}

interface EditConflictAlertProps<Row extends ConflictRow> {
  rows: readonly Row[];
  /** The feature's text for each key, e.g. (key) => t(`documents.edit.${key}`). */
  text: (key: ConflictTextKey) => string;
  /** "document-edit": the alert is `<prefix>-conflict`, the button `<prefix>-take-theirs`. */
  testIdPrefix: string;
  fieldLabel: (field: string) => string;
  /** How a value reads (default: as given). */
  renderValue?: (value: Row["mine"] | Row["theirs"], row: Row) => ReactNode;
  onTakeTheirs: () => void;
  /** Focused by the drawer to bring the alert into view on a phone. */
  focusRef?: Ref<HTMLDivElement>;
}

export function EditConflictAlert<Row extends ConflictRow>({
  rows,
  text,
  testIdPrefix,
  fieldLabel,
  renderValue = (value) => value as ReactNode,
  onTakeTheirs,
  focusRef,
}: EditConflictAlertProps<Row>) {
  return (
    <div ref={focusRef} tabIndex={-1} style={{ outline: "none" }}>
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 16 }}
        data-testid={`${testIdPrefix}-conflict`}
        title={text("conflictTitle")}
        description={
          <div>
            <p style={{ marginTop: 0 }}>{text("conflictExplain")}</p>
            {rows.length > 0 ? (
              <Table<Row>
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={[...rows]}
                scroll={{ x: "max-content" }}
                columns={[
                  { title: text("field"), key: "field", render: (_, row) => fieldLabel(row.field) },
                  { title: text("theirs"), key: "theirs", render: (_, row) => renderValue(row.theirs, row) },
                  { title: text("mine"), key: "mine", render: (_, row) => renderValue(row.mine, row) },
                ]}
              />
            ) : (
              <p>{text("conflictSame")}</p>
            )}
            {rows.length > 0 && (
              <Space wrap style={{ marginTop: 8 }}>
                <Button onClick={onTakeTheirs} data-testid={`${testIdPrefix}-take-theirs`}>
                  {text("takeTheirs")}
                </Button>
              </Space>
            )}
          </div>
        }
      />
    </div>
  );
}
