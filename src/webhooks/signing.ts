import { fromBase64, hmacSha256 as hmac, toBase64, toHex } from "../lib/crypto";

/** `whsec_` + base64 of 32 random bytes: the form Standard Webhooks libraries expect. */
export function newSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)).buffer)}`;
}

/**
 * Both signature schemes over the exact bytes sent. The guide's `X-Webhook-Signature`
 * keys HMAC with the whole secret string; Standard Webhooks keys it with the base64
 * part after `whsec_`. Every live secret signs, so a rotation never breaks a receiver.
 */
export async function signatureHeaders(
  secrets: string[],
  messageId: string,
  timestamp: number,
  body: string,
): Promise<Record<string, string>> {
  const guide = await Promise.all(
    secrets.map(async (s) => `v1=${toHex(await hmac(s, `${timestamp}.${body}`))}`),
  );
  const standard = await Promise.all(
    secrets.map(
      async (s) =>
        `v1,${toBase64(await hmac(fromBase64(s.replace(/^whsec_/, "")), `${messageId}.${timestamp}.${body}`))}`,
    ),
  );
  return {
    "X-Webhook-Id": messageId,
    "X-Webhook-Timestamp": String(timestamp),
    "X-Webhook-Signature": [`t=${timestamp}`, ...guide].join(","),
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": standard.join(" "),
  };
}
