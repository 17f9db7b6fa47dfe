// A task's text with the words found for each clear marked: the clear's colour, its own underline
// style and its number after the words, read out to screen readers by name.
import type { PlanCheck } from "@namro/contracts";
import { useTranslation } from "react-i18next";
import { clearMark } from "./clear-style.ts";
import { highlightPieces } from "./highlight.ts";

type Task = PlanCheck["tasks"][number];

export function HighlightedTaskText({ task, clears }: { task: Task; clears: PlanCheck["clears"] }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const pieces = highlightPieces(
    task.text,
    task.start,
    task.clears.map((c) => c.spans),
  );
  return (
    <p style={{ lineHeight: 1.9, whiteSpace: "pre-wrap", margin: 0 }} data-testid="plan-task-text">
      {task.label ? <strong>{task.label} </strong> : null}
      {pieces.map((piece, i) => {
        const first = piece.clears[0];
        if (first === undefined) return <span key={i}>{piece.text}</span>;
        const mark = clearMark(first);
        const names = piece.clears.map((c) => clears[c]?.label[lang] ?? "").join(", ");
        return (
          <mark
            key={i}
            title={names}
            data-clears={piece.clears.map((c) => task.clears[c]?.key).join(" ")}
            style={{
              background: mark.color,
              textDecorationLine: "underline",
              textDecorationStyle: mark.line,
              textDecorationThickness: 2,
              textUnderlineOffset: 3,
              padding: "0 1px",
            }}
          >
            {piece.text}
            <sup aria-hidden="true" style={{ fontWeight: 600, marginLeft: 1 }}>
              {piece.clears.map((c) => c + 1).join(",")}
            </sup>
            <span className="sr-only"> ({names})</span>
          </mark>
        );
      })}
    </p>
  );
}

export function ClearLegend({ clears }: { clears: PlanCheck["clears"] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (
    <div
      style={{ display: "flex", flexWrap: "wrap", gap: "4px 16px", alignItems: "center" }}
      data-testid="plan-legend"
    >
      <span className="muted">{t("planChecker.legend")}</span>
      {clears.map((clear, i) => {
        const mark = clearMark(i);
        return (
          <span key={clear.key}>
            <span
              style={{
                background: mark.color,
                textDecorationLine: "underline",
                textDecorationStyle: mark.line,
                textDecorationThickness: 2,
                textUnderlineOffset: 3,
                padding: "0 4px",
              }}
            >
              {i + 1}
            </span>{" "}
            {clear.label[lang]}
          </span>
        );
      })}
    </div>
  );
}
