import { environmentOf } from "../lib/environment";
import { addressLocality, isIpLiteral } from "./address-ranges";
import { DnsFailure, Resolver } from "./resolver";

/*
 * Where a delivery would go, judged just before it is sent. A subscription's URL was judged
 * as written when it was saved; a name can lead anywhere since (`127.0.0.1.nip.io` needs no
 * one's permission), so outside development the name's addresses are looked up and judged by
 * the same ranges. An IP literal is judged again too: the ranges may have grown since it was
 * saved. fetch still does its own lookup, so a name whose answers change between the two is
 * not caught here.
 */

const DEFAULT_DOH = "https://cloudflare-dns.com/dns-query";

type DestinationEnv = Pick<Env, "ENVIRONMENT" | "WEBHOOK_DOH_URL">;

// One per endpoint, so each keeps the answers of the server it asked.
const resolvers = new Map<string, Resolver>();

function resolverFor(env: DestinationEnv): Resolver {
  const endpoint = env.WEBHOOK_DOH_URL ?? DEFAULT_DOH;
  const known = resolvers.get(endpoint);
  if (known) return known;
  const resolver = new Resolver({ endpoint });
  resolvers.set(endpoint, resolver);
  return resolver;
}

/**
 * Why a delivery to `url` must not be sent now, worded for its attempt's log, or undefined
 * to send it. A failed lookup is a reason too: the attempt fails and is retried.
 */
export async function destinationRefusal(
  env: DestinationEnv,
  url: string,
): Promise<string | undefined> {
  if (environmentOf(env) === "development") return undefined;
  // A trailing dot names the same host (`localhost.` is localhost).
  const host = new URL(url).hostname.replace(/\.+$/, "");
  if (isIpLiteral(host)) {
    const locality = addressLocality(host);
    return locality && `refused: ${host} is not publicly reachable (${locality})`;
  }
  let addresses: string[];
  try {
    addresses = await resolverFor(env).addresses(host);
  } catch (err) {
    if (err instanceof DnsFailure) return `dns error: ${host}: ${err.message}`;
    throw err;
  }
  for (const address of addresses) {
    const locality = addressLocality(address);
    if (locality) return `refused: ${host} resolves to ${address} (${locality})`;
  }
  return undefined;
}
