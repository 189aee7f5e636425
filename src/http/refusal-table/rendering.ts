import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Refusal } from "../../domain/refusals";

/** What a client sees of a refusal, and what docs/errors.md says of its code. */
export interface Rendering {
  status: ContentfulStatusCode;
  /** The code the client sees, when it differs from the domain's. */
  wire?: string;
  /** When a client meets it and what to do: the line docs/errors.md gives it. */
  about: string;
  message: (d: Omit<Refusal, "code">) => string;
  /** Details the message states and the envelope does not repeat. */
  messageOnly?: readonly string[];
}

export const quoted = (v: unknown) => `'${String(v)}'`;
export const archived = (days: unknown) => `Events older than ${days} days are archived`;
