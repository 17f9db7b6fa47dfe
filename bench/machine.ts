// What the numbers were measured on.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join } from "node:path";
import { findPostgresBinDir } from "../apps/api/test/postgres-server.ts";

export interface Machine {
  cpus: number;
  memoryGb: number;
  cpuModel: string;
  node: string;
  postgres: string;
}

function cpuModel(): string {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    return /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? "unknown";
  } catch {
    return "unknown";
  }
}

function nproc(): number {
  try {
    return Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {
    return availableParallelism();
  }
}

function postgresVersion(): string {
  try {
    return execFileSync(join(findPostgresBinDir(), "postgres"), ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return "not installed";
  }
}

export function describeMachine(): Machine {
  return {
    cpus: nproc(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpuModel(),
    node: process.version,
    postgres: postgresVersion(),
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpus} CPUs (nproc), ${m.memoryGb} GB memory, ${m.cpuModel}; Node ${m.node}; ${m.postgres}`;
}
