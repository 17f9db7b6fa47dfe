// A page's title with its actions beside it, wrapping under it on narrow screens.
import type { ReactNode } from "react";

export function PageHeader({
  title,
  titleTestId,
  children,
}: {
  title: ReactNode;
  titleTestId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="page-header">
      <h1 className="page-title" data-testid={titleTestId}>
        {title}
      </h1>
      {children}
    </div>
  );
}
