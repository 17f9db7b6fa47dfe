// Sending a file to the register's upload route with progress (the wizard's first step and attaching
// a file to a document both use it). An upload still running when the page goes away is aborted.
import { type DocumentUpload, documentRoutes } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { type UploadHandle, uploadWithProgress } from "../../lib/upload.ts";
import { ME_QUERY_KEY } from "../auth/session.ts";

export function useDocumentUpload() {
  const queryClient = useQueryClient();
  /** Null while nothing is being sent; else the fraction sent (1: the server is reading the file). */
  const [progress, setProgress] = useState<number | null>(null);
  const handle = useRef<UploadHandle<DocumentUpload> | null>(null);

  useEffect(() => () => handle.current?.abort(), []);

  const upload = async (file: File): Promise<DocumentUpload> => {
    setProgress(0);
    const me = queryClient.getQueryData<{ csrfToken: string }>(ME_QUERY_KEY);
    handle.current = uploadWithProgress<DocumentUpload>(
      documentRoutes.uploadDocumentFile.path,
      file,
      me?.csrfToken ?? null,
      setProgress,
    );
    try {
      return await handle.current.promise;
    } finally {
      handle.current = null;
      setProgress(null);
    }
  };

  return { progress, upload, abort: () => handle.current?.abort() };
}
