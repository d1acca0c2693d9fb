/** Builds `--linux dir` with a stand-in Electron; returns the path of app.asar. */
export function buildLinuxDir(outputDir: string): string;
/** The fuses of a packaged (or stand-in) Electron binary by name, true = on. */
export function readFuses(binary: string): Record<string, boolean>;
