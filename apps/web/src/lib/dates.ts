// Calendar dates travel as ISO "yyyy-mm-dd"; antd pickers work with dayjs; people read dd/mm/yyyy.
import { formatDateVi } from "@namro/domain";
import dayjs, { type Dayjs } from "dayjs";

export const DATE_FORMAT = "DD/MM/YYYY";

export function toIsoDate(value: Dayjs): string {
  return value.format("YYYY-MM-DD");
}

export function fromIsoDate(value: string): Dayjs {
  return dayjs(value, "YYYY-MM-DD");
}

export function todayIso(): string {
  return toIsoDate(dayjs());
}

/** Restructuring cannot take effect in the future, and an "as of" view cannot look ahead. */
export function isAfterToday(value: Dayjs): boolean {
  return value.isAfter(dayjs(), "day");
}

export function formatDate(value: string | null | undefined): string {
  return value ? formatDateVi(value.slice(0, 10)) : "";
}

/** A timestamp (ISO with time) as dd/mm/yyyy hh:mm in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format("DD/MM/YYYY HH:mm") : value;
}

const numberFormat = new Intl.NumberFormat("vi-VN");
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const percentFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
/** "30,8 %": at most one decimal, a non-breaking space so the sign never wraps onto its own line. */
export function formatPercent(value: number): string {
  return `${percentFormat.format(value)}\u00a0%`;
}
