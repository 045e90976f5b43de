// @ts-check
// Where the build keeps what it derives from the code and the output between runs (the compiled
// build and commands, gzipped sizes), relative to the project: inside the dependencies' own cache
// folder, which copies of the project that link node_modules/ share. Plain JavaScript, for
// scripts/build/compileScripts.js, which runs before anything can load TypeScript.
export const DEPENDENCY_CACHE = "node_modules/.cache/defcon-build";
