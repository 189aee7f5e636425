// Types for scripts/dev-port.mjs, which stays plain JavaScript so Node runs it as is.

export declare const DEFAULT_PORT: number;
export declare function choosePort(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): number;
export declare function otherPortHint(port: number): string;
