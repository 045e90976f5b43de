import path from "node:path";
import { errorChain } from "./errorChain.ts";

/**
 * A problem with the machine or the folder rather than with the content or the code, with a
 * message written for whoever runs the build: what failed, where, and what to do.
 */
export class EnvironmentProblem extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EnvironmentProblem";
  }
}

/** The error codes that mean "the environment", each with what it means and what to do about it. */
const ENVIRONMENT_CODES: Record<string, { reason: string; advice: string }> = {
  EACCES: { reason: "permission denied", advice: "check who owns it and its permissions" },
  EPERM: { reason: "operation not permitted", advice: "check its permissions, and whether it is marked immutable (lsattr on Linux)" },
  ENOSPC: { reason: "no space left on the disk", advice: "free some space, then build again" },
  EDQUOT: { reason: "disk quota exceeded", advice: "free some space, then build again" },
  EROFS: { reason: "the file system is read-only", advice: "build in a folder on a writable disk" },
  EMFILE: { reason: "too many open files", advice: "close other programs or raise the limit (ulimit -n), then build again" },
  ENFILE: { reason: "too many open files on this machine", advice: "close other programs, then build again" },
  EBUSY: { reason: "in use by another program", advice: "close the program using it, then build again" },
};

const OPERATIONS: Record<string, string> = {
  mkdir: "create",
  rmdir: "remove",
  unlink: "remove",
  rm: "remove",
  rename: "move",
  open: "open",
  write: "write",
  read: "read",
  scandir: "read the folder",
  copyfile: "copy",
  utime: "update",
};

interface ErrnoLike {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

function environmentCode(error: unknown): ErrnoLike | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code in ENVIRONMENT_CODES ? (error as ErrnoLike) : undefined;
}

/** Whether `error` is one of the errors that mean "the environment" (a full disk, a denied permission…). */
export const isEnvironmentError = (error: unknown): boolean => environmentCode(error) !== undefined;

const shown = (file: string, root: string) => {
  const relative = path.relative(root, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
};

/** "operation not permitted (_site.old/index.html)": the reason an environment error gives, if it is one. */
export function environmentReason(error: unknown, root: string): string | undefined {
  const found = errorChain(error).map(environmentCode).find(Boolean);
  if (!found) return undefined;
  const reason = ENVIRONMENT_CODES[found.code]!.reason;
  return found.path ? `${reason} (${shown(found.path, root)})` : reason;
}

/**
 * One line for an environment problem anywhere in `error`'s chain, naming the path and what to
 * do; undefined for anything else (a bug, whose stack trace is then worth seeing).
 */
export function describeEnvironmentError(error: unknown, root: string): string | undefined {
  const chain = errorChain(error);
  const problem = chain.find((e): e is EnvironmentProblem => e instanceof EnvironmentProblem);
  if (problem) return problem.message;
  const found = chain.map(environmentCode).find(Boolean);
  if (!found) return undefined;
  const { reason, advice } = ENVIRONMENT_CODES[found.code]!;
  const operation = OPERATIONS[found.syscall ?? ""] ?? "use";
  const where = found.path ? ` ${shown(found.path, root)}` : "";
  const to = found.dest ? ` to ${shown(found.dest, root)}` : "";
  return `Could not ${operation}${where}${to}: ${reason}; ${advice}.`;
}

/**
 * Runs the build. An environment problem ends it with one line and exit code 1, no stack trace;
 * anything else is a bug and is thrown on, so Node prints its stack.
 */
export async function reportingEnvironmentProblems(root: string, build: () => Promise<number>): Promise<number> {
  try {
    return await build();
  } catch (error) {
    const line = describeEnvironmentError(error, root);
    if (line === undefined) throw error;
    console.error(`✖ ${line}`);
    return 1;
  }
}
