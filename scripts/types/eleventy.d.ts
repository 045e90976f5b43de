// Eleventy 3 ships JSDoc, not type declarations; this is the slice of its API the build uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        runMode?: "build" | "serve" | "watch";
        /** Runs before the project's configuration file, with the same configuration object. */
        config?: (eleventyConfig: import("../eleventy/eleventyConfig.ts").EleventyConfig) => void;
      },
    );
    /** For the file system: [passthrough copies, rendered templates]. */
    write(): Promise<[unknown, { outputPath: string | false; content: string }[]]>;
    disableLogger(): void;
  }
}
