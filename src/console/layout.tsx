import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Environment, environmentOf } from "../lib/environment";
import type { ConsoleContext } from "./api";
import { CsrfField } from "./components/fields";
import { Notice } from "./components/messages";
import { CSS_HREF } from "./styles";

export type Section =
  | "orders"
  | "shipments"
  | "inventory"
  | "webhooks"
  | "events"
  | "keys"
  | "billing"
  | "sandbox";

const SECTIONS: { id: Section; label: string; sandboxOnly?: boolean }[] = [
  { id: "orders", label: "Orders" },
  { id: "shipments", label: "Shipments" },
  { id: "inventory", label: "Inventory" },
  { id: "webhooks", label: "Webhooks" },
  { id: "events", label: "Events" },
  { id: "keys", label: "API keys" },
  { id: "billing", label: "Billing" },
  { id: "sandbox", label: "Sandbox", sandboxOnly: true },
];

/** Production has no simulator, so its console has no sandbox controls either. */
export const hasSandbox = (environment: Environment) => environment !== "production";

/** Which key is signed in, as the API's key listing shows it: prefix and last four. */
const keyHint = (key: string) => `${key.slice(0, key.indexOf("_", 4) + 1)}…${key.slice(-4)}`;

interface LayoutProps {
  title: string;
  section?: Section;
  environment: Environment;
  /** Present once signed in: the header's sign-out form needs its CSRF token. */
  signedIn?: { apiKey: string; csrf: string };
  notice?: string;
  children: Child;
}

export function Layout(props: LayoutProps) {
  const sections = SECTIONS.filter((s) => !s.sandboxOnly || hasSandbox(props.environment));
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · Fulfillment console`}</title>
          <link rel="stylesheet" href={CSS_HREF} />
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header class="top">
            <a class="brand" href="/console/orders">
              Fulfillment console
            </a>
            <span class="env">{props.environment}</span>
            {props.signedIn ? (
              <nav class="sections" aria-label="Sections">
                <ul>
                  {sections.map((s) => (
                    <li>
                      <a
                        href={`/console/${s.id}`}
                        aria-current={s.id === props.section ? "page" : undefined}
                      >
                        {s.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {props.signedIn ? (
              <div class="who">
                <span>
                  Key <code>{keyHint(props.signedIn.apiKey)}</code>
                </span>
                <form method="post" action="/console/sign-out" class="inline">
                  <CsrfField token={props.signedIn.csrf} />
                  <button type="submit" class="secondary">
                    Sign out
                  </button>
                </form>
              </div>
            ) : null}
          </header>
          <main id="main">
            <Notice text={props.notice} />
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** Renders a page of the signed-in console with the API's status (a refusal keeps its 4xx). */
export function render(
  c: ConsoleContext,
  page: { title: string; section?: Section; notice?: string; status?: number },
  body: Child,
) {
  const session = c.var.session;
  const signedIn = session?.signedIn
    ? { apiKey: session.signedIn.apiKey, csrf: session.csrf }
    : undefined;
  return c.html(
    <Layout
      title={page.title}
      section={page.section}
      environment={environmentOf(c.env)}
      signedIn={signedIn}
      notice={page.notice}
    >
      {body}
    </Layout>,
    (page.status ?? 200) as ContentfulStatusCode,
  );
}
