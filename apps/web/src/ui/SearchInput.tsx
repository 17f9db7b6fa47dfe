// A search box that commits what was typed once the person pauses (or presses Enter), so the address
// and the query change once per search, not once per key.
import { Input } from "antd";
import { useEffect, useState } from "react";

export function SearchInput({
  value,
  onCommit,
  placeholder,
  testId,
  delayMs = 300,
}: {
  value: string | undefined;
  onCommit: (q: string | undefined) => void;
  placeholder: string;
  testId: string;
  delayMs?: number;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? "")) return;
    const timer = window.setTimeout(() => onCommit(trimmed === "" ? undefined : trimmed), delayMs);
    return () => window.clearTimeout(timer);
  }, [text, value, onCommit, delayMs]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onCommit(next.trim() === "" ? undefined : next.trim())}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: "100%", maxWidth: 420 }}
      data-testid={testId}
    />
  );
}
