import { describe, expect, it } from "vitest";
import { newSecret, signatureHeaders } from "../../src/webhooks/signing";

/*
 * Each signature is checked against one computed here from WebCrypto directly, not through
 * the project's crypto helpers, and once against fixed values worked out outside the
 * project: the Standard Webhooks specification's test message, signed under both schemes
 * with Python's hmac module and with `openssl dgst -sha256 -mac HMAC`, which agree. Its
 * Standard Webhooks signature is also the one the specification's libraries test against.
 */

const encoder = new TextEncoder();

async function hmac(key: Uint8Array, message: string): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, encoder.encode(message)));
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unbase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** The guide's v1: hex HMAC keyed with the whole secret string, over `<t>.<body>`. */
const guideV1 = async (secret: string, t: number, body: string) =>
  `v1=${hex(await hmac(encoder.encode(secret), `${t}.${body}`))}`;

/**
 * Standard Webhooks' v1: base64 HMAC keyed with the secret's bytes (base64 after `whsec_`),
 * over `<id>.<t>.<body>`.
 */
const standardV1 = async (secret: string, id: string, t: number, body: string) =>
  `v1,${base64(await hmac(unbase64(secret.slice("whsec_".length)), `${id}.${t}.${body}`))}`;

describe("signatureHeaders", () => {
  it("signs the Standard Webhooks specification's example as the specification does", async () => {
    const headers = await signatureHeaders(
      ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );

    expect(headers).toEqual({
      "X-Webhook-Id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "X-Webhook-Timestamp": "1614265330",
      "X-Webhook-Signature":
        "t=1614265330,v1=2e37df5d4a028c51a7f3133d64ae1e300d2c2c900f1b1d49d4369ad2530f8964",
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    });
  });

  it("signs the exact body with both schemes, as a receiver computes them", async () => {
    const secret = newSecret();
    const id = "evt_0123456789abcdefghij";
    const t = 1767225600;
    // Non-ASCII, escapes and a trailing newline: signed as sent, byte for byte.
    const body = '{"name":"Café ☕","note":"a\\"b"}\n';
    const headers = await signatureHeaders([secret], id, t, body);

    expect(headers["X-Webhook-Signature"]).toBe(`t=${t},${await guideV1(secret, t, body)}`);
    expect(headers["webhook-signature"]).toBe(await standardV1(secret, id, t, body));
  });

  it("keys the guide's scheme with the whole secret string, not its decoded bytes", async () => {
    const secret = newSecret();
    const t = 1767225600;
    const headers = await signatureHeaders([secret], "evt_1", t, "{}");
    const keyedWithBytes = hex(await hmac(unbase64(secret.slice("whsec_".length)), `${t}.{}`));

    expect(headers["X-Webhook-Signature"]).toBe(`t=${t},${await guideV1(secret, t, "{}")}`);
    expect(headers["X-Webhook-Signature"]).not.toContain(keyedWithBytes);
  });

  it("signs with every live secret during a rotation, in the order given", async () => {
    const [older, newer] = [newSecret(), newSecret()];
    const id = "evt_rotation";
    const t = 1767225600;
    const body = '{"type":"order.shipped"}';
    const headers = await signatureHeaders([older, newer], id, t, body);

    expect(headers["X-Webhook-Signature"]).toBe(
      `t=${t},${await guideV1(older, t, body)},${await guideV1(newer, t, body)}`,
    );
    expect(headers["webhook-signature"]).toBe(
      `${await standardV1(older, id, t, body)} ${await standardV1(newer, id, t, body)}`,
    );
  });
});

describe("newSecret", () => {
  it("is whsec_ and the base64 of 32 random bytes, different every time", () => {
    const secrets = [newSecret(), newSecret()];

    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(unbase64(secret.slice("whsec_".length))).toHaveLength(32);
    }
    expect(secrets[0]).not.toBe(secrets[1]);
  });
});
