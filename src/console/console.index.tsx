import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { environmentOf } from "../lib/environment";
import { type ApiFetch, apiAs, type ConsoleContext, type ConsoleEnv } from "./api";
import { Problem } from "./components/messages";
import { CSRF_FIELD, sameOrigin, tokenMatches } from "./csrf";
import { readForm, text } from "./forms";
import { hasSandbox, Layout, render } from "./layout";
import { billingPage, invoiceCsv, invoicePage } from "./pages/billing";
import { eventsPage } from "./pages/events";
import { inventoryPage } from "./pages/inventory";
import { keyPage, revokeKey, rotateKey, updateKey } from "./pages/key";
import { issueKey, keysPage } from "./pages/keys";
import {
  acceptCancellation,
  amendOrder,
  cancelOrder,
  orderPage,
  rejectCancellation,
  requestCancellation,
} from "./pages/order";
import { ordersPage } from "./pages/orders";
import { advanceShipment, fulfilOrder, sandboxPage, saveSettings } from "./pages/sandbox";
import { shipmentsPage } from "./pages/shipments";
import { signIn, signInPage, signOut } from "./pages/sign-in";
import {
  enableWebhook,
  recoverWebhook,
  redeliverEvent,
  rotateSecret,
  sendTest,
  webhookPage,
} from "./pages/webhook";
import { createWebhook, webhooksPage } from "./pages/webhooks";
import { readSession, type SessionRecords, sessionSecret } from "./session";
import { CONSOLE_CSS, CSS_PATH } from "./styles";

/*
 * /console: the API's own pages for the people behind a key. Server-rendered HTML and plain
 * forms, no script at all; it signs in with an API key (its own session, not /v1's bearer
 * auth) and calls the API in-process as that key for everything it shows or changes. Every
 * page goes through Hono's JSX, which escapes every text and attribute value: no page builds
 * HTML from strings.
 */

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

const FORM_BYTES = 64 * 1024;

const securityHeaders: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  headers.set("X-Content-Type-Options", "nosniff");
  // Never a console URL to another site; but same-origin, since under no-referrer a browser
  // sends `Origin: null` with every form, and the origin check needs the real one.
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
};

function refusal(c: ConsoleContext, status: number, code: string, message: string) {
  return render(
    c,
    { title: "Console", status },
    <>
      <h1>Console</h1>
      <Problem failure={{ status, code, message, requestId: c.var.requestId }} />
      <p>
        <a href="/console/orders">Back to the console</a>
      </p>
    </>,
  );
}

/**
 * The session, if the cookie holds a valid one still open on the server; a deploy without
 * its secret has no console.
 */
const loadSession =
  (records: SessionRecords): MiddlewareHandler<ConsoleEnv> =>
  async (c, next) => {
    const secret = sessionSecret(c.env);
    if ("refusal" in secret) return refusal(c, 503, "console_disabled", secret.refusal);
    c.set("secret", secret.secret);
    c.set("session", await readSession(c, secret.secret, records));
    await next();
  };

const checkCsrf: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (!sameOrigin(c)) {
    return refusal(
      c,
      403,
      "cross_origin_form",
      "This form was not sent from this console's own pages.",
    );
  }
  const token = text(await readForm(c), CSRF_FIELD);
  if (!(await tokenMatches(c.var.session, token))) {
    return refusal(
      c,
      403,
      "csrf_token_mismatch",
      "This form is from an earlier session or has expired; reload the page and send it again.",
    );
  }
  await next();
};

const requireSignIn =
  (fetchApi: ApiFetch): MiddlewareHandler<ConsoleEnv> =>
  async (c, next) => {
    const key = c.var.session?.signedIn?.apiKey;
    if (!key) return c.redirect("/console/sign-in", 303);
    c.set("api", apiAs(c, fetchApi, key));
    await next();
  };

const sandboxOnly: MiddlewareHandler<ConsoleEnv> = async (c, next) =>
  hasSandbox(environmentOf(c.env))
    ? next()
    : refusal(c, 404, "not_found", "Production has no sandbox controls.");

export function consoleApp(fetchApi: ApiFetch, records: SessionRecords): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use("*", securityHeaders);
  app.get(CSS_PATH.slice("/console".length), (c) =>
    c.body(CONSOLE_CSS, 200, {
      "Content-Type": "text/css; charset=utf-8",
      // The URL carries the stylesheet's hash, so a new one is a new URL.
      "Cache-Control": "public, max-age=31536000, immutable",
    }),
  );
  app.use("*", loadSession(records));
  app.post(
    "*",
    bodyLimit({
      maxSize: FORM_BYTES,
      onError: (c) => refusal(c, 413, "payload_too_large", "The form is larger than 64 KiB."),
    }),
    checkCsrf,
  );
  app.get("/sign-in", signInPage);
  app.post("/sign-in", signIn(fetchApi, records));
  app.use("*", requireSignIn(fetchApi));
  app.get("/", (c) => c.redirect("/console/orders", 303));
  app.post("/sign-out", signOut(records));
  app.get("/orders", ordersPage);
  app.get("/orders/:id", orderPage);
  app.post("/orders/:id/amend", amendOrder);
  app.post("/orders/:id/cancel", cancelOrder);
  app.post("/orders/:id/cancellation-request", requestCancellation);
  // Answering is the floor's: the console plays it only where it plays the warehouse.
  app.post("/orders/:id/cancellation-request/accept", sandboxOnly, acceptCancellation);
  app.post("/orders/:id/cancellation-request/reject", sandboxOnly, rejectCancellation);
  app.get("/shipments", shipmentsPage);
  app.get("/inventory", inventoryPage);
  app.get("/webhooks", webhooksPage);
  app.post("/webhooks", createWebhook);
  app.get("/webhooks/:id", webhookPage);
  app.post("/webhooks/:id/test", sendTest);
  app.post("/webhooks/:id/rotate-secret", rotateSecret);
  app.post("/webhooks/:id/enable", enableWebhook);
  app.post("/webhooks/:id/recover", recoverWebhook);
  app.post("/webhooks/:id/redeliver", redeliverEvent);
  app.get("/events", eventsPage);
  app.get("/keys", keysPage);
  app.post("/keys", issueKey);
  app.get("/keys/:id", keyPage);
  app.get("/billing", billingPage);
  app.get("/billing/:id", invoicePage);
  app.get("/billing/:id/lines.csv", invoiceCsv);
  app.post("/keys/:id/rotate", rotateKey);
  app.post("/keys/:id/update", updateKey);
  app.post("/keys/:id/revoke", revokeKey);
  app.use("/sandbox/*", sandboxOnly);
  app.use("/sandbox", sandboxOnly);
  app.get("/sandbox", sandboxPage);
  app.post("/sandbox/settings", saveSettings);
  app.post("/sandbox/fulfill", fulfilOrder);
  app.post("/sandbox/advance", advanceShipment);
  app.all("*", (c) => refusal(c, 404, "not_found", "The console has no such page."));
  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      return refusal(c, err.status, "bad_request", err.message);
    }
    console.error(
      JSON.stringify({
        level: "error",
        request_id: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        error:
          err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : err,
      }),
    );
    return c.html(
      <Layout title="Error" environment={environmentOf(c.env)}>
        <h1>Something went wrong</h1>
        <Problem
          failure={{
            status: 500,
            code: "internal_error",
            message: "The console could not show this page. Quote the request id to support.",
            requestId: c.get("requestId"),
          }}
        />
      </Layout>,
      500,
    );
  });
  return app;
}
