// The fulfillment API's typed client: openapi-fetch over the generated types, plus what the
// integration guide asks of every caller, done once here (idempotent creates, retries that
// honour Retry-After, cursor walking, typed errors, webhook verification).
import createFetchClient, {
  type ClientPathsWithMethod,
  type Client as FetchClient,
  type MaybeOptionalInit,
  type Middleware,
} from "openapi-fetch";
import { ApiError } from "./errors.js";
import { IDEMPOTENT_OPERATIONS } from "./operations.js";
import { type Fetch, type RetryNotice, retrying } from "./retry.js";
import type { components, paths } from "./schema.js";

export { ApiError, type ErrorBody } from "./errors.js";
export { type RetryNotice, retryAfterMs } from "./retry.js";
export type { components, paths } from "./schema.js";
export {
  type HeaderSource,
  type VerifyOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookFailure,
  WebhookVerificationError,
} from "./webhooks.js";

export type Schemas = components["schemas"];
export type Order = Schemas["Order"];
export type Shipment = Schemas["Shipment"];
export type SkuInventory = Schemas["SkuInventory"];

export interface ClientOptions {
  /** e.g. `http://localhost:8787` or your sandbox's URL; paths start at `/v1`. */
  baseUrl: string;
  apiKey: string;
  /** Defaults to the global `fetch`; tests pass the Worker's own handler. */
  fetch?: Fetch;
  /** Retries after the first attempt, for 429, 5xx and network errors. Default 4. */
  retries?: number;
  /** First backoff ceiling in ms, doubled each retry (with full jitter). Default 500. */
  baseDelayMs?: number;
  /** Longest wait between attempts, and the longest Retry-After obeyed. Default 60 000. */
  maxDelayMs?: number;
  /** Per attempt. Default 30 000; 0 for none. */
  timeoutMs?: number;
  /** Told before each retry's wait, e.g. to log it. */
  onRetry?: (notice: RetryNotice) => void;
}

type Verb = "get" | "put" | "post" | "patch" | "delete";
type PathOf<V extends Verb> = ClientPathsWithMethod<FetchClient<paths>, V>;
type InitOf<V extends Verb, P extends PathOf<V>> = MaybeOptionalInit<paths[P], V>;
type Args<V extends Verb, P extends PathOf<V>> =
  undefined extends InitOf<V, P> ? [init?: InitOf<V, P>] : [init: InitOf<V, P>];

type ResponsesOf<V extends Verb, P extends PathOf<V>> =
  NonNullable<paths[P][V]> extends { responses: infer R } ? R : never;
type BodyOf<R> = R extends { content: { "application/json": infer B } } ? B : undefined;

/** The body of a 2xx answer, typed from the route's success responses. */
export type Success<V extends Verb, P extends PathOf<V>> = {
  [S in keyof ResponsesOf<V, P>]: S extends 200 | 201 | 202 | 203 | 204 | 206
    ? BodyOf<ResponsesOf<V, P>[S]>
    : never;
}[keyof ResponsesOf<V, P>];

type Call<V extends Verb> = <P extends PathOf<V>>(
  path: P,
  ...init: Args<V, P>
) => Promise<{ data: Success<V, P>; response: Response }>;

interface Page {
  data: readonly unknown[];
  pagination: Schemas["Pagination"];
}

/** The GET paths that answer the list envelope `{ data: [...], pagination }`. */
export type ListPath = {
  [P in PathOf<"get">]: Success<"get", P> extends Page ? P : never;
}[PathOf<"get">];

/** One item of a list path's `data`. */
export type ItemOf<P extends ListPath> =
  Success<"get", P> extends { data: readonly (infer T)[] } ? T : never;

/**
 * An Idempotency-Key (a fresh UUID) on every call to an operation whose OpenAPI parameters
 * take one, unless the caller set its own. It is set before the retrying fetch, so every
 * retry of the call resends the same key and the API applies the create at most once.
 */
const idempotencyKeys: Middleware = {
  onRequest({ request, schemaPath }) {
    if (request.headers.has("idempotency-key")) return undefined;
    if (!IDEMPOTENT_OPERATIONS.has(`${request.method} ${schemaPath}`)) return undefined;
    const headers = new Headers(request.headers);
    headers.set("idempotency-key", crypto.randomUUID());
    return new Request(request, { headers });
  },
};

export function createClient(options: ClientOptions) {
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const api = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: retrying(send, {
      retries: options.retries ?? 4,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      onRetry: options.onRetry,
    }),
  });
  api.use(idempotencyKeys);

  const call = <V extends Verb>(verb: V): Call<V> =>
    (async (path: string, init?: object) => {
      const { data, error, response } = await api.request(verb, path as never, init as never);
      if (!response.ok) throw new ApiError(response.status, error, response);
      return { data, response };
    }) as Call<V>;

  const GET = call("get");

  /**
   * Every item of a list, page after page, until `has_more` is false:
   * `for await (const s of client.paginate("/v1/shipments", { params: { query } }))`.
   * A walk's cursor pins the change sequence at its start, so no item comes twice.
   */
  async function* paginate<P extends ListPath>(
    path: P,
    ...[init]: Args<"get", P>
  ): AsyncGenerator<ItemOf<P>, void, undefined> {
    // A cursor the caller passes resumes an earlier walk.
    const query: Record<string, unknown> = { ...init?.params?.query };
    for (;;) {
      const params = { ...init?.params, query };
      const { data } = await (GET as Call<"get">)(path, { ...init, params } as never);
      const page = data as Page;
      yield* page.data as ItemOf<P>[];
      if (!page.pagination.has_more || page.pagination.next_cursor === null) return;
      query.cursor = page.pagination.next_cursor;
    }
  }

  return {
    GET,
    POST: call("post"),
    PUT: call("put"),
    PATCH: call("patch"),
    DELETE: call("delete"),
    paginate,
  };
}

export type FulfillmentClient = ReturnType<typeof createClient>;
