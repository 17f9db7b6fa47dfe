// Reading a document's text. The references found in it are highlighted: a registered document the
// person may see is a link to it; a registered one outside their scope says so without naming more
// than the text does; a reference to nothing registered is marked as such.
import type { FoundReference } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Alert, Empty, Space, Spin, Tooltip } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { useDocumentText } from "./document-queries.ts";
import { useDocumentNaming } from "./document-symbol.ts";
import { referenceSegments } from "./document-text.ts";

function Reference({ reference, text }: { reference: FoundReference; text: string }) {
  const { t } = useTranslation();
  const { nameOf } = useDocumentNaming();
  if (reference.document) {
    return (
      <Link
        to="/documents/$id"
        params={{ id: String(reference.document.id) }}
        className="document-reference"
        data-testid="text-reference-link"
        title={nameOf(reference.document)}
      >
        <mark>{text}</mark>
      </Link>
    );
  }
  const hidden = reference.matched;
  const explain = hidden ? t("documents.text.referenceHidden") : t("documents.text.referenceUnmatched");
  return (
    <Tooltip title={explain}>
      <mark
        className={hidden ? "document-reference-hidden" : "document-reference-unmatched"}
        data-testid={hidden ? "text-reference-hidden" : "text-reference-unmatched"}
      >
        {text}
        <span className="sr-only"> ({explain})</span>
      </mark>
    </Tooltip>
  );
}

export function DocumentTextView({ documentId, textLength }: { documentId: number; textLength: number }) {
  const { t } = useTranslation();
  const text = useDocumentText(documentId, textLength > 0);
  // The document's own number in its header is not a reference to another document.
  const references = useMemo(
    () => (text.data?.references ?? []).filter((reference) => reference.document?.id !== documentId),
    [text.data, documentId],
  );
  const segments = useMemo(
    () => (text.data ? referenceSegments(text.data.text, references) : []),
    [text.data, references],
  );

  if (textLength === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t("documents.text.none")}
        data-testid="document-text-none"
      />
    );
  if (text.isPending) return <Spin style={{ display: "block", margin: 24 }} />;
  if (text.isError) return <Alert type="error" showIcon title={errorText(text.error, t)} />;

  const linked = references.filter((reference) => reference.document).length;
  return (
    <div>
      <Space
        size={[12, 4]}
        wrap
        className="muted"
        style={{ marginBottom: 8, fontSize: 13 }}
        data-testid="document-text-summary"
      >
        <span>
          {t("documents.text.referencesFound", {
            n: formatNumber(references.length),
            linked: formatNumber(linked),
          })}
        </span>
        <span>
          <span className="document-reference">
            <mark>{t("documents.text.legendLinked")}</mark>
          </span>{" "}
          <mark className="document-reference-hidden">{t("documents.text.legendHidden")}</mark>{" "}
          <mark className="document-reference-unmatched">{t("documents.text.legendUnmatched")}</mark>
        </span>
      </Space>
      <div className="document-text" data-testid="document-text" lang="vi">
        {segments.map((segment) =>
          segment.reference ? (
            <Reference key={segment.start} reference={segment.reference} text={segment.text} />
          ) : (
            <span key={segment.start}>{segment.text}</span>
          ),
        )}
      </div>
    </div>
  );
}
