// Before and after of one audited change, side by side; changed fields are highlighted.
import { useTranslation } from "react-i18next";

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function show(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a && before == null && after == null)
    return <span className="muted">{t("audit.noDetails")}</span>;
  const rows: { key: string; before: unknown; after: unknown }[] = [];
  if (b || a) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    for (const key of keys) rows.push({ key, before: b?.[key], after: a?.[key] });
  } else {
    rows.push({ key: "", before, after });
  }
  return (
    <div style={{ overflowX: "auto" }} data-testid="audit-diff">
      <table className="audit-diff">
        <thead>
          <tr>
            <th scope="col">{t("audit.field")}</th>
            <th scope="col">{t("audit.before")}</th>
            <th scope="col">{t("audit.after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const changed = show(row.before) !== show(row.after);
            return (
              <tr
                key={row.key}
                className={changed ? "changed-field" : undefined}
                data-changed={changed ? "true" : undefined}
              >
                <th scope="row">
                  {row.key}
                  {changed && <span className="sr-only"> ({t("audit.changed")})</span>}
                </th>
                <td style={{ whiteSpace: "pre-wrap" }}>{show(row.before)}</td>
                <td style={{ whiteSpace: "pre-wrap" }}>{show(row.after)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
