// The page shown instead of a record that could not be opened: "not found" (which also covers what
// lies outside the person's scope) or the error itself, with a button back to the list.
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../lib/errors.ts";
import { isNotFound } from "./not-found.ts";

interface Props {
  /** The load's error; null when the id in the address is not a valid id. */
  error: unknown;
  notFoundTitle: string;
  backLabel: string;
  onBack: () => void;
  /** More ways out beside the back button (e.g. back to today for an "as of" view). */
  extra?: ReactNode;
}

export function NotFoundResult({ error, notFoundTitle, backLabel, onBack, extra }: Props) {
  const { t } = useTranslation();
  const notFound = isNotFound(error);
  return (
    <Result
      status={notFound ? "404" : "error"}
      title={notFound ? notFoundTitle : errorText(error, t)}
      extra={
        <>
          {extra}
          <Button type="primary" onClick={onBack}>
            {backLabel}
          </Button>
        </>
      }
    />
  );
}
