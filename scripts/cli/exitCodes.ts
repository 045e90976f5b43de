/**
 * How `npm run new` and `npm run assess` end, for editors and for scripts that call them
 * (docs/editing.md lists them). Every code but `done` means nothing was written.
 */
export const EXIT = {
  /** The file was written. Also `--help`. */
  done: 0,
  /** The input was read but refused: a bad value, a name already taken, a problem the build would refuse. */
  refused: 1,
  /** The command line could not be read: an unknown flag, a flag without its value, a required flag missing. */
  usage: 2,
  /** The machine refused: permission denied, a full or read-only disk. */
  environment: 3,
} as const;
