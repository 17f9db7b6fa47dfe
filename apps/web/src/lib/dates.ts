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

const vietnamClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * A timestamp (ISO with time) as dd/mm/yyyy hh:mm in Việt Nam time, as the server counts days: a
 * computer set to another time zone (or a test browser in UTC) shows the same hour as everyone else.
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const parts = Object.fromEntries(vietnamClock.formatToParts(time).map((part) => [part.type, part.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
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
