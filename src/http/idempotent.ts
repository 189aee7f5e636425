import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  type ClaimRequest,
  claim,
  keyReused,
  recordResponse,
  releaseClaim,
} from "../db/idempotency";
import { Refused } from "../domain/refusals";
import { canonicalJson } from "../lib/canonical-json";
import { sha256Hex } from "../lib/crypto";
import { randomBase62 } from "../lib/ids";
import type { AppEnv } from "./context";
import { statusOf } from "./refusals";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

export const IdempotencyKeyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(IDEMPOTENCY_KEY_MAX_LENGTH)
    .optional()
    .openapi({
      param: { in: "header" },
      description:
        "Any unique string (a UUID is ideal), kept 24 h. A retry with the same key returns the first result with 200 and `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`.",
      example: "9b1f6c2e-4d8a-4f3b-a7e5-0c2d9e8f7a61",
    }),
});

/** Whose namespace a key lives in: the tenant, or the platform key acting for many tenants. */
export const keyOwner = (c: Context<AppEnv>) =>
  c.var.principal.tenantId ?? `platform:${c.var.principal.keyId}`;

export const requestHash = (value: unknown) => sha256Hex(canonicalJson(value));

/** As long as the claim: a retry past it makes a new claim and never reads this. */
const REPLAY_TTL_SECONDS = 24 * 60 * 60;

/** The replay cache's entry for one claim: its token is unique to the request that made it. */
const replayKey = (claimToken: string) => `idempotent-response:${claimToken}`;

export interface Result<T> {
  status: ContentfulStatusCode;
  body: T;
  /**
   * For a write that makes a resource: whether this run made it (true) or found it made
   * by a concurrent request with the same key (false). Exactly one request reports 201.
   */
  created?: boolean;
}

/**
 * How a write's answer is kept for its replays when it holds something the replay cache must
 * not keep in the clear (an API key's secret): `keep` makes what KV stores, `restore` turns
 * it back, or answers undefined when it cannot, and the write then runs again.
 */
export interface ReplayCodec<T> {
  keep(body: T): Promise<unknown>;
  restore(kept: unknown): Promise<T | undefined>;
}

/**
 * Runs a write a client may retry at most once per Idempotency-Key. The first request
 * claims the key; a retry gets the first result back with 200 and
 * `Idempotent-Replayed: true`, from KV, the replay cache. A retry that arrives while the
 * first is still running, after it failed without an answer, or where KV has not (yet)
 * got the answer, runs the write again: every write acts on the resource id the claim
 * holds and is idempotent on it. A refused write releases the key.
 */
export async function once<T>(
  c: Context<AppEnv>,
  operation: string,
  request: { resourceId: string; params?: unknown; body?: unknown },
  run: (resourceId: string) => Promise<Result<T>>,
  codec?: ReplayCodec<T>,
): Promise<Response> {
  const key = c.req.header("idempotency-key");
  if (!key) return respond(c, await run(request.resourceId), false);
  const req: ClaimRequest = {
    owner: keyOwner(c),
    key,
    operation,
    anchor: await requestHash({ params: request.params ?? null, body: request.body ?? null }),
    resourceId: request.resourceId,
    // 131 bits, as a UUID's 122, in 22 characters rather than 36: it is stored with every claim.
    token: randomBase62(22),
  };
  const claimed = await claim(c.var.db, req);
  if (claimed.kind === "reused") throw keyReused(claimed.operation, claimed.resourceId);
  if (claimed.kind === "retry" && claimed.finished) {
    const kept = await c.env.KV.get(replayKey(claimed.claimToken), "json");
    const body = kept === null ? undefined : codec ? await codec.restore(kept) : (kept as T);
    if (body !== undefined) return respond(c, { status: 200, body }, true);
  }
  let result: Result<T>;
  try {
    result = await run(claimed.resourceId);
  } catch (err) {
    if (claimed.kind === "claimed" && err instanceof Refused && statusOf(err.refusal.code) < 500) {
      await releaseClaim(c.var.db, req);
    }
    throw err;
  }
  // The run that made the resource answers as the first request, whichever claimed the
  // key; every other answers as a replay of it.
  const replayed = result.created === undefined ? claimed.kind === "retry" : !result.created;
  if (await recordResponse(c.var.db, req, result.status)) {
    const token = claimed.kind === "retry" ? claimed.claimToken : req.token;
    const kept = codec ? await codec.keep(result.body) : result.body;
    c.executionCtx.waitUntil(
      c.env.KV.put(replayKey(token), JSON.stringify(kept), { expirationTtl: REPLAY_TTL_SECONDS }),
    );
  }
  return respond(c, replayed ? { ...result, status: 200 } : result, replayed);
}

function respond<T>(c: Context<AppEnv>, result: Result<T>, replayed: boolean): Response {
  if (replayed) c.header("Idempotent-Replayed", "true");
  return c.json(result.body as object, result.status);
}
