/** One output page as the gates see it. */
export interface OutputPage {
  /** Path inside the output folder, with forward slashes, e.g. "articles/foo/index.html". */
  path: string;
  html: string;
}

/** A check over every HTML page; returns the reasons the page fails (empty when it passes). */
export interface PageGate {
  name: string;
  check(page: OutputPage): string[];
}

export interface GateFailure {
  gate: string;
  path: string;
  reason: string;
}
