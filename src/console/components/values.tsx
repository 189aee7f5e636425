import type { Child } from "hono/jsx";

/* Single values as every page shows them, so a time or a status reads the same everywhere. */

export function Time(props: { at: string | null | undefined }) {
  return props.at ? <time datetime={props.at}>{props.at.replace("T", " ")}</time> : <span>—</span>;
}

const GOOD = new Set([
  "succeeded",
  "delivered",
  "shipped",
  "enabled",
  "received",
  "allocated",
  "fulfilled",
]);
const BAD = new Set(["failed", "exception", "cancelled", "disabled", "backordered", "voided"]);

export function Badge(props: { value: string; tone?: "good" | "bad" }) {
  const tone = props.tone ?? (GOOD.has(props.value) ? "good" : BAD.has(props.value) ? "bad" : "");
  return <span class={`badge ${tone}`.trim()}>{props.value}</span>;
}

export function Json(props: { value: unknown }) {
  return <pre class="json">{JSON.stringify(props.value, null, 2)}</pre>;
}

/** Only web links become links: a stored URL never runs script when followed. */
export function ExternalLink(props: { href: string | null | undefined; children: Child }) {
  const safe = props.href && /^https?:\/\//i.test(props.href) ? props.href : undefined;
  return safe ? (
    <a href={safe} rel="noopener noreferrer">
      {props.children}
    </a>
  ) : (
    <span>{props.children}</span>
  );
}

export function Empty(props: { text: string }) {
  return <p class="empty">{props.text}</p>;
}
