// Types for scripts/deploy-config.mjs, which stays plain JavaScript so Node runs it as is.

export type Environment = "sandbox" | "production";
export declare const ENVIRONMENTS: Environment[];
export declare const D1_REGIONS: readonly ("wnam" | "enam" | "weur" | "eeur" | "apac" | "oc")[];

export interface EnvironmentResources {
  env: string;
  worker: string;
  /** D1_REGION: where the D1 primary (and the objects that work in it) live. */
  region: (typeof D1_REGIONS)[number];
  /** SHARDS: the shard bindings, in order; each has a d1 entry migrated from migrations/shard. */
  shards: string[];
  /** DB (the control database) and each shard, with the folder of its migrations. */
  d1: { binding: string; name: string; id: string | null; migrations: string }[];
  kv: { binding: string; title: string; id: string | null }[];
  r2: { binding: string; name: string }[];
  queues: string[];
}

export interface Existing {
  d1: { uuid: string; name: string }[];
  kv: { id: string; title: string }[];
  r2: string[];
  queues: string[];
}

export interface Step {
  kind: "d1" | "kv" | "r2" | "queue";
  binding?: string;
  name: string;
  action: "keep" | "adopt" | "create";
  id: string | null;
}

export interface Ids {
  d1?: Record<string, string>;
  kv?: Record<string, string>;
}

export declare function kvTitle(worker: string, binding: string): string;
export declare function readEnvironment(toml: string, env: string): EnvironmentResources;
export declare function parseD1List(stdout: string): { uuid: string; name: string }[];
export declare function parseKvList(stdout: string): { id: string; title: string }[];
export declare function parseSecretList(stdout: string): string[];
export declare function queueExists(
  name: string,
  result: { status: number | null; stdout: string; stderr: string },
): boolean;
export declare function r2BucketExists(
  name: string,
  result: { status: number | null; stdout: string; stderr: string },
): boolean;
export declare function planResources(wanted: EnvironmentResources, existing: Existing): Step[];
export declare function idsOf(steps: Step[]): Required<Ids>;
export declare function writeIds(toml: string, env: string, ids: Ids): string;
