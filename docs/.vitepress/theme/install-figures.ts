// The install's figures on the instructor page, from docs/data/install.json
// (written by `npm run measure-install`, which measures `npm ci` on the
// machine it runs on). Formatted here, once, so that the page and its test
// agree on what the page shows.

export interface InstallData {
  readonly measuredOn: {
    readonly os: string;
    readonly cpu: string;
    readonly node: string;
    readonly npm?: string;
    readonly date: string;
  };
  readonly npmCi: {
    readonly packages: number;
    /** What npm fetched into an empty cache: tarballs and registry entries. */
    readonly downloadBytes: number;
    /** node_modules as `du` counts it. */
    readonly nodeModulesDiskBytes: number;
    readonly nodeModulesContentBytes: number;
    readonly seconds: number;
  };
  readonly primedCache: {
    readonly platforms: readonly string[];
    readonly packages: number;
    readonly bytes: number;
    readonly primeSeconds: number;
    readonly offlineCiSeconds: number;
  };
}

/** Whole megabytes (10^6 bytes), the unit file managers and USB sticks use. */
export const megabytes = (bytes: number): string =>
  `${Math.round(bytes / 1e6).toLocaleString("en-US")} MB`;

/** What the instructor page says, each figure as it shows it. */
export function installFigures(data: InstallData) {
  const { measuredOn, npmCi, primedCache } = data;
  return {
    download: megabytes(npmCi.downloadBytes),
    disk: megabytes(npmCi.nodeModulesDiskBytes),
    packages: npmCi.packages.toLocaleString("en-US"),
    cache: megabytes(primedCache.bytes),
    offlineSeconds: `${Math.round(primedCache.offlineCiSeconds)} s`,
    measuredOn: `${measuredOn.os} ${measuredOn.cpu}, Node ${measuredOn.node}, npm ${measuredOn.npm ?? "?"}, ${measuredOn.date}`,
  };
}
