import type { AnalysisRecord } from "./validateAnalysis.ts";

/** What a file was when it was read: a change to its bytes changes one of these. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/**
 * The analyses `npm start` found valid, by file, so that a rebuild reads and validates again only
 * the files that changed. An entry holds while the file's modification time and size are those it
 * was read with, and while what validation depends on besides the file (the front matter schema
 * and the list of regions, `context`) is unchanged. A file that had a problem is never kept: it is
 * read again every time, so its message always says what is in it now.
 */
export class ValidAnalysisCache {
  private context = "";
  private readonly entries = new Map<string, FileStamp & { analysis: AnalysisRecord }>();
  /** Reads saved by the last load, and files read: for the tests and the bench. */
  reused = 0;
  read = 0;

  /** Starts a load: forgets everything when the context changed. */
  begin(context: string): void {
    if (context !== this.context) this.entries.clear();
    this.context = context;
    this.reused = 0;
    this.read = 0;
  }

  get(file: string, stamp: FileStamp): AnalysisRecord | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.mtimeMs !== stamp.mtimeMs || entry.size !== stamp.size) return undefined;
    this.reused++;
    return entry.analysis;
  }

  set(file: string, stamp: FileStamp, analysis: AnalysisRecord | undefined): void {
    this.read++;
    if (analysis) this.entries.set(file, { ...stamp, analysis });
    else this.entries.delete(file);
  }

  /** Drops the files that are gone, so that a deleted analysis does not linger. */
  keepOnly(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) if (!files.has(file)) this.entries.delete(file);
  }
}
