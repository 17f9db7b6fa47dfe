// Downloads a file the API produces (an export, an import's error report, an attachment) through
// fetch, so a failure is shown as the server's message instead of a page of JSON, and the browser
// saves the file.
import { ApiError } from "./api.ts";

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "");
  }
  if (!response.ok) {
    let code = "UNKNOWN_ERROR";
    let message = "";
    try {
      const payload = (await response.json()) as { error?: { code?: string; message?: string } };
      code = payload.error?.code ?? code;
      message = payload.error?.message ?? "";
    } catch {
      // not JSON
    }
    throw new ApiError(response.status, code, message);
  }
  const name = fileNameOf(response, fallbackName);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start saving before the object URL goes.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
