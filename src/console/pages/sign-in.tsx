import type { ContentfulStatusCode } from "hono/utils/http-status";
import { environmentOf } from "../../lib/environment";
import { type ApiFailure, type ApiFetch, apiAs, type ConsoleContext, outcome } from "../api";
import { CsrfField, Field } from "../components/fields";
import { Problem } from "../components/messages";
import { readForm, text } from "../forms";
import { Layout } from "../layout";
import { endSession, newSession, type SessionRecords, writeSession } from "../session";

function SignInPage(props: { csrf: string; failure?: ApiFailure; notice?: string }) {
  return (
    <div class="sign-in">
      <h1>Sign in</h1>
      <p class="lead">
        With an API key of this environment. The console shows what the API shows that key, and
        nothing its scopes do not allow.
      </p>
      {props.failure && props.failure.field !== "api_key" ? (
        <Problem failure={props.failure} />
      ) : null}
      <form method="post" action="/console/sign-in" class="panel">
        <CsrfField token={props.csrf} />
        <Field
          name="api_key"
          label="API key"
          type="password"
          autocomplete="current-password"
          placeholder="wms_test_…"
          failure={props.failure}
          hint="Kept encrypted in a session cookie for 8 hours, or until you sign out or the key is revoked."
        />
        <button type="submit">Sign in</button>
      </form>
    </div>
  );
}

function signInView(
  c: ConsoleContext,
  csrf: string,
  status: ContentfulStatusCode,
  extra: { failure?: ApiFailure; notice?: string } = {},
) {
  return c.html(
    <Layout title="Sign in" environment={environmentOf(c.env)} notice={extra.notice}>
      <SignInPage csrf={csrf} failure={extra.failure} />
    </Layout>,
    status,
  );
}

/** The form, with a signed-out session behind it so its POST carries a CSRF token. */
export async function signInPage(c: ConsoleContext) {
  const current = c.var.session;
  if (current?.signedIn) return c.redirect("/console/orders", 303);
  const session = current ?? newSession();
  if (!current) await writeSession(c, session, c.var.secret);
  const notice = c.req.query("notice") === "signed_out" ? "You are signed out." : undefined;
  return signInView(c, session.csrf, 200, { notice });
}

/**
 * Checks the key with one API call any key may make, then starts a new session, recorded on
 * the server: a new CSRF token too, so nothing learnt before sign-in is any use after it.
 */
export const signIn =
  (fetchApi: ApiFetch, records: SessionRecords) => async (c: ConsoleContext) => {
    const csrf = c.var.session?.csrf ?? "";
    const key = text(await readForm(c), "api_key").trim();
    if (key === "") {
      return signInView(c, csrf, 422, {
        failure: {
          status: 422,
          code: "validation_error",
          message: "Enter an API key.",
          field: "api_key",
        },
      });
    }
    const checked = await outcome(apiAs(c, fetchApi, key).v1.warehouses.$get({ query: {} }));
    if (!checked.ok) {
      return signInView(c, csrf, checked.status as ContentfulStatusCode, {
        failure: { ...checked, field: "api_key" },
      });
    }
    const session = newSession();
    const opened = await records.open(c.env, key, session.expiresAt);
    if (!opened) {
      // The API accepted the key a moment ago: only a revocation since then says no.
      return signInView(c, csrf, 401, {
        failure: {
          status: 401,
          code: "revoked_api_key",
          message: "This API key was revoked as you signed in.",
          field: "api_key",
        },
      });
    }
    await writeSession(c, { ...session, signedIn: { apiKey: key, ...opened } }, c.var.secret);
    return c.redirect("/console/orders", 303);
  };

/** Ends the session on the server too: a copy of the cookie taken before opens nothing. */
export const signOut = (records: SessionRecords) => async (c: ConsoleContext) => {
  await endSession(c, c.var.session, records);
  return c.redirect("/console/sign-in?notice=signed_out", 303);
};
