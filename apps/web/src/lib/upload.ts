// Uploading a file with real progress: fetch cannot report upload progress, XMLHttpRequest can. Sends
// the session's CSRF token as api.ts does, one multipart part named `file`, and turns failures into
// the same ApiError.
import { ApiError, type ApiIssue } from "./api.ts";

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort(): void;
}

export function uploadWithProgress<T>(
  url: string,
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's error page: handled below.
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload) {
        onProgress(1);
        resolve(payload as T);
        return;
      }
      const error = (payload as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)
        ?.error;
      reject(
        error?.code
          ? new ApiError(xhr.status, error.code, error.message ?? "", error.issues ?? [])
          : new ApiError(xhr.status, xhr.status >= 500 ? "INTERNAL_ERROR" : "UNKNOWN_ERROR", ""),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", ""));
    xhr.onabort = () => reject(new ApiError(0, "UPLOAD_ABORTED", ""));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
