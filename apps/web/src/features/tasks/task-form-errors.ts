// Server errors about a task's fields, shown under the field they concern.
import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import type { ApiError } from "../../lib/api.ts";
import { showFormErrors } from "../../lib/errors.ts";
import { TASK_ERROR_FIELDS, TASK_FIELD_NAMES } from "./task-form.ts";

export function showTaskErrors(form: FormInstance, error: unknown, t: TFunction): string {
  return showFormErrors(
    form,
    error,
    TASK_FIELD_NAMES,
    t,
    (caught: ApiError) => TASK_ERROR_FIELDS[caught.code],
  );
}
