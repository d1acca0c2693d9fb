/** Builds `--linux dir` with a stand-in Electron; returns the path of app.asar. */
export function buildLinuxDir(outputDir: string): string;
