/** How the indexer process ended, when it did not finish its work. */
export interface IndexerEnd {
  /** The step it was doing, e.g. `write the search index into _site.tmp/pagefind/`. */
  step: string;
  /** Pagefind's own errors, when it answered with errors rather than crashing. */
  errors?: readonly string[];
  /** Everything the indexer process printed, stdout and stderr. */
  output: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

// Rust names an OS error by its message, kind and number (`Os { code: 28, kind: StorageFull,
// message: "No space left on device" }`, or `... (os error 28)`); Node by its code (ENOSPC).
const DISK_FULL = /No space left on device|ENOSPC|os error 28\b|StorageFull/;
const QUOTA = /Disk quota exceeded|EDQUOT|os error 122\b|QuotaExceeded/;
const READ_ONLY = /Read-only file system|EROFS|os error 30\b|ReadOnlyFilesystem/;
const NO_PERMISSION = /Permission denied|Operation not permitted|EACCES|EPERM|os error (1|13)\b|PermissionDenied/;

/** Rust's debug form of an OS error, as `unwrap()` panics print it. */
const RUST_OS_ERROR = /Os \{ code: (\d+), kind: \w+, message: "([^"]*)" \}/;

const PANIC = /\bpanicked at\b/;

/** A frame of a Node stack trace, once its indent is trimmed. */
const STACK_FRAME = /^at /;

/**
 * One line saying why it failed, for an editor: the panic's message without the panic or its
 * backtrace, an OS error in words, or the first thing the process said.
 */
function summarise(end: IndexerEnd): string {
  const lines = end.output.split(/\r?\n/).map((line) => line.trim());
  const panicAt = lines.findIndex((line) => PANIC.test(line));
  if (panicAt >= 0) {
    const message = lines.slice(panicAt + 1).find((line) => line !== "") ?? "it panicked";
    const os = RUST_OS_ERROR.exec(message);
    return os ? `${os[2]} (os error ${os[1]})` : message.slice(0, 300);
  }
  if (end.signal) {
    const memory = end.signal === "SIGKILL" ? " (often: the system ran out of memory)" : "";
    return `the indexer process was stopped by ${end.signal}${memory}`;
  }
  // A Node error prints the source line and a caret before `Error: message`; prefer that line.
  const error = lines.find((line) => /^\w*Error\b[^:]*: /.test(line));
  const said = error ?? lines.find((line) => line !== "" && !STACK_FRAME.test(line));
  if (said) return said.slice(0, 300);
  return `the indexer process ended (exit code ${end.code}) without saying why`;
}

/**
 * Turns a failed indexing into one message for an editor. A full disk or quota, a read-only disk
 * and a denied permission are environment problems with a plain remedy; anything else is summed up in
 * one line, with the way to see Pagefind's whole output.
 */
export function explainIndexFailure(end: IndexerEnd): string {
  const said = [...(end.errors ?? []), end.output].join("\n");
  const couldNot = `Pagefind could not ${end.step}`;
  if (DISK_FULL.test(said)) return `${couldNot}: the disk is full (no space left on device). Free some space and build again.`;
  if (QUOTA.test(said)) return `${couldNot}: the disk quota is exceeded. Free some space and build again.`;
  if (READ_ONLY.test(said)) return `${couldNot}: the disk is read-only. Build on a writable disk.`;
  if (NO_PERMISSION.test(said)) return `${couldNot}: permission denied. Check that you may write to the project folder, then build again.`;
  // After a panic, the Node API's own error only says that its binary is gone.
  if (end.errors?.length && !PANIC.test(end.output)) return `${couldNot}: ${end.errors.join("; ")}`;
  return `${couldNot}: ${summarise(end).replace(/\.$/, "")}. Run the build with DEFCON_DEBUG=1 to see Pagefind's whole output.`;
}
