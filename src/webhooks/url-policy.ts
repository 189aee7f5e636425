import type { Environment } from "../lib/environment";
import { addressLocality, isIpLiteral } from "./address-ranges";

/*
 * Where a webhook may point. Deliveries are POSTs made from our network, so a URL that
 * names a loopback, private or metadata address would turn them into requests against
 * infrastructure (SSRF). URLs are judged as the WHATWG parser (the one fetch uses)
 * normalises them, so `https://2130706433/` and `https://[::ffff:7f00:1]/` are judged as
 * the 127.0.0.1 they reach, never as the text the caller wrote.
 */

/** Why a URL may not be a webhook's: a refusal whose message the refusal table words. */
export type UrlRefusal =
  | { code: "insecure_url" }
  | { code: "url_not_allowed"; reason: "not_absolute" | "credentials" }
  | { code: "url_not_allowed"; reason: "scheme"; scheme: string }
  | { code: "url_not_allowed"; reason: "port"; port: string }
  | { code: "url_not_allowed"; reason: "single_label"; host: string }
  | { code: "url_not_allowed"; reason: "not_public"; host: string; locality: string };

/** Names that only ever resolve inside a machine or a private network. */
function localName(host: string): string | undefined {
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  if (host.endsWith(".local")) return "link-local (mDNS)";
  if (host.endsWith(".internal")) return "internal";
  if (!host.includes(".")) return "single-label";
  return undefined;
}

/**
 * Why `raw` may not be a webhook URL in `environment`, or undefined when it may.
 * Development relaxes one rule for local receivers: loopback over http or https, any port.
 */
export function webhookUrlRefusal(raw: string, environment: Environment): UrlRefusal | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: "url_not_allowed", reason: "not_absolute" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { code: "url_not_allowed", reason: "scheme", scheme: url.protocol.slice(0, -1) };
  }
  if (url.username || url.password) {
    return { code: "url_not_allowed", reason: "credentials" };
  }
  // A trailing dot names the same host (`localhost.` is localhost).
  const host = url.hostname.replace(/\.+$/, "");
  const locality = isIpLiteral(host) ? addressLocality(host) : localName(host);
  if (environment === "development" && locality === "loopback") return undefined;
  if (url.protocol !== "https:") return { code: "insecure_url" };
  if (url.port !== "") return { code: "url_not_allowed", reason: "port", port: url.port };
  if (locality === "single-label") return { code: "url_not_allowed", reason: "single_label", host };
  if (locality) return { code: "url_not_allowed", reason: "not_public", host, locality };
  return undefined;
}
