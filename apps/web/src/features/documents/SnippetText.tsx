// A search snippet with the matched words highlighted. The server marks matches with «…»; the pieces
// are rendered as text and <mark>, never as HTML.
import { useMemo } from "react";
import { snippetSegments } from "./document-text.ts";

export function SnippetText({ snippet }: { snippet: string }) {
  const segments = useMemo(() => {
    // Each piece keyed by where it starts in the snippet (pieces never move).
    let offset = 0;
    return snippetSegments(snippet).map((segment) => {
      const key = offset;
      offset += segment.text.length + 1;
      return { ...segment, key };
    });
  }, [snippet]);
  return (
    <span className="document-snippet" data-testid="document-snippet">
      {segments.map((segment) =>
        segment.match ? (
          <mark key={segment.key}>{segment.text}</mark>
        ) : (
          <span key={segment.key}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
