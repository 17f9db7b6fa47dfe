// Uploading a workbook into an organisation, with real progress (lib/upload.ts).
import { type MemberImport, memberImportRoutes } from "@namro/contracts";
import { buildQuery } from "../../../lib/api.ts";
import { type UploadHandle, uploadWithProgress } from "../../../lib/upload.ts";

export function uploadMemberFile(
  file: File,
  orgId: number,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): UploadHandle<MemberImport> {
  return uploadWithProgress<MemberImport>(
    memberImportRoutes.createMemberImport.path + buildQuery({ orgId }),
    file,
    csrfToken,
    onProgress,
  );
}
