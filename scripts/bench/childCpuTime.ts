/**
 * The processor time of everything this process has started and waited for, read from Linux's
 * /proc/self/stat (cutime and cstime: user and system time of waited-for children, their own
 * waited-for children included). Read before and after a command, it gives the processor time
 * the command's whole process tree used, which a timer of wall time cannot: on two processors,
 * 40 s of processor time cannot take less than 20 s of wall time however it is arranged.
 */
import { readFileSync } from "node:fs";
import { PROC_AVAILABLE } from "./processTreeMemory.ts";

/** Linux's clock ticks per second (USER_HZ), 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** Seconds of processor time of this process's waited-for children so far; undefined without /proc. */
export function childCpuSeconds(): number | undefined {
  if (!PROC_AVAILABLE) return undefined;
  const stat = readFileSync("/proc/self/stat", "utf8");
  // "pid (comm) state ppid …": fields after the command name, which may hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // cutime and cstime are fields 16 and 17 of the whole line, so 14 and 15 counted from "state" as 1.
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  return (cutime + cstime) / TICKS_PER_SECOND;
}
