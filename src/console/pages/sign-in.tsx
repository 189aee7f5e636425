import type { ContentfulStatusCode } from "hono/utils/http-status";
import { environmentOf } from "../../lib/environment";
import { type ApiFailure, type ApiFetch, apiAs, type ConsoleContext, outcome } from "../api";
import { CsrfField, Field } from "../components/fields";
import { Problem } from "../components/messages";
import { readForm, text } from "../forms";
import { Layout } from "../layout";
import { clearSession, newSession, writeSession } from "../session";

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
          hint="Kept encrypted in a session cookie for 8 hours, or until you sign out."
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
  if (current?.apiKey) return c.redirect("/console/orders", 303);
  const session = current ?? newSession(null);
  if (!current) await writeSession(c, session, c.var.secret);
  const notice = c.req.query("notice") === "signed_out" ? "You are signed out." : undefined;
  return signInView(c, session.csrf, 200, { notice });
}

/**
 * Checks the key with one API call any key may make, then starts a new session: a new
 * CSRF token too, so nothing learnt before sign-in is any use after it.
 */
export const signIn = (fetchApi: ApiFetch) => async (c: ConsoleContext) => {
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
  await writeSession(c, newSession(key), c.var.secret);
  return c.redirect("/console/orders", 303);
};

export function signOut(c: ConsoleContext) {
  clearSession(c);
  return c.redirect("/console/sign-in?notice=signed_out", 303);
}
