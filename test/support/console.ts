import { expect } from "vitest";
import { BASE, type Reply, raw } from "./client";

/*
 * The console as a browser uses it, through HTTP: a cookie jar of one cookie, the CSRF
 * token of the last page seen, and forms sent the way a browser sends them.
 */

export const SESSION_COOKIE = "__Host-console_session";

export interface Page {
  status: number;
  headers: Headers;
  html: string;
}

type Fields = Record<string, string | string[]>;

interface PostOptions {
  /** The Origin header; null sends none. Default: the console's own. */
  origin?: string | null;
  /** The CSRF token sent; default the last page's. */
  csrf?: string | null;
  environment?: string;
}

const toPage = (reply: Reply): Page => ({
  status: reply.status,
  headers: reply.headers,
  html: typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body),
});

export class ConsoleClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(readonly environment?: string) {}

  private remember(page: Page) {
    for (const line of page.headers.getAll("set-cookie")) {
      const [pair = ""] = line.split(";");
      const [name, ...value] = pair.split("=");
      if (name !== SESSION_COOKIE) continue;
      const cleared = /max-age=0/i.test(line);
      this.cookie = cleared ? null : value.join("=");
    }
    const token = /name="csrf" value="([^"]+)"/.exec(page.html)?.[1];
    if (token) this.csrf = token;
    return page;
  }

  private headers(extra: Record<string, string> = {}) {
    return {
      ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
      ...extra,
    };
  }

  async get(path: string): Promise<Page> {
    const reply = await raw("GET", path, {
      headers: this.headers(),
      ENVIRONMENT: this.environment,
    });
    return this.remember(toPage(reply));
  }

  async post(path: string, fields: Fields = {}, options: PostOptions = {}): Promise<Page> {
    const form = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf !== null) form.append("csrf", csrf);
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    }
    const origin = options.origin === undefined ? BASE : options.origin;
    const reply = await raw("POST", path, {
      headers: this.headers({
        "content-type": "application/x-www-form-urlencoded",
        ...(origin === null ? {} : { origin }),
      }),
      body: form.toString(),
      ENVIRONMENT: options.environment ?? this.environment,
    });
    return this.remember(toPage(reply));
  }

  /** Signs in with `key` and asserts it worked. */
  async signIn(key: string) {
    await this.get("/console/sign-in");
    const page = await this.post("/console/sign-in", { api_key: key });
    expect(page.status, page.html.slice(0, 2000)).toBe(303);
    expect(page.headers.get("location")).toBe("/console/orders");
    return page;
  }
}

/** A signed-in console for `key`. */
export async function signedIn(key: string, environment?: string) {
  const console = new ConsoleClient(environment);
  await console.signIn(key);
  return console;
}

/** The text of the page with tags stripped and entities of the escaping decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
}

/** The error shown under a form field named by its API path. */
export function fieldError(html: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}-error`;
  const match = new RegExp(`<p class="field-error" id="${id}">([^<]*)</p>`).exec(html);
  return match?.[1] === undefined ? undefined : textOf(match[1]).trim();
}

const decode = (text: string) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

const attributesOf = (tag: string) =>
  Object.fromEntries(
    [...tag.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], decode(m[2] ?? "")]),
  );

/**
 * What a browser would send for the form posting to `action`, as the page rendered it:
 * text and hidden inputs, checked boxes, selected options. The CSRF token is left to `post`.
 */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posts to ${action}`);
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input [^>]*>/g)) {
    const a = attributesOf(tag.slice(7));
    if (!a.name || a.name === "csrf") continue;
    if (a.type === "checkbox") {
      if ("checked" in a) fields[a.name] = a.value ?? "on";
    } else {
      fields[a.name] = a.value ?? "";
    }
  }
  for (const m of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected=""/.exec(m[2] ?? "");
    fields[m[1] ?? ""] = decode(selected?.[1] ?? "");
  }
  return fields;
}
