import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { fromBase64Url, toBase64Url } from "../lib/crypto";
import { type Environment, environmentOf } from "../lib/environment";

/*
 * The console's session lives in one cookie. The API key inside it is encrypted (AES-GCM) and
 * the whole value is signed (HMAC-SHA-256), both with keys derived from CONSOLE_SESSION_SECRET:
 * the cookie neither leaks the key nor can be forged or extended, since the expiry is inside
 * the signed, encrypted payload, and rotating the secret ends every session at once. A
 * signed-in session is also recorded on the server (`SessionRecords`) and checked there on
 * every request, so a cookie copied before sign-out or before its key was revoked opens
 * nothing. Signed-out sessions, which only carry the sign-in form's CSRF token, are not
 * recorded: anyone may start one.
 */

export const SESSION_COOKIE = "__Host-console_session";
export const SESSION_SECONDS = 8 * 60 * 60;
/** An HMAC key shorter than its hash output is weaker than it looks. */
export const MIN_SECRET_LENGTH = 32;

export interface SignedIn {
  apiKey: string;
  /** The key's id: the session's record is kept with the key, and ends with it. */
  keyId: string;
  /** The record's own id, so that signing out ends this session and no other of the key. */
  id: string;
}

export interface Session {
  /** null until signed in: the sign-in form's CSRF token needs a session too. */
  signedIn: SignedIn | null;
  csrf: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** A signed-in session as the server records it. */
export interface SessionRecord {
  keyId: string;
  id: string;
  expiresAt: number;
}

/**
 * Where signed-in sessions are recorded, so that sign-out and the key's revocation end them
 * at once, everywhere. The app hands the console an implementation, as it hands it the API's
 * fetch: the console itself reaches nothing but the API.
 */
export interface SessionRecords {
  /** Records a session of `apiKey` until `expiresAt`; null when the key is not active. */
  open(env: Env, apiKey: string, expiresAt: number): Promise<{ keyId: string; id: string } | null>;
  isOpen(env: Env, session: SessionRecord): Promise<boolean>;
  end(env: Env, session: SessionRecord): Promise<void>;
}

const Payload = z.strictObject({
  k: z
    .strictObject({ a: z.string().min(1), i: z.string().min(1), s: z.string().min(1) })
    .nullable(),
  c: z.string().min(1),
  e: z.number().int(),
});

const VERSION = "v1";
const encoder = new TextEncoder();

interface Keys {
  seal: CryptoKey;
  sign: CryptoKey;
}

const derived = new Map<string, Promise<Keys>>();

/** Two keys from one secret (HKDF), so encryption and signing never share key material. */
function keysFor(secret: string): Promise<Keys> {
  let keys = derived.get(secret);
  if (!keys) {
    keys = (async () => {
      const base = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, [
        "deriveKey",
      ]);
      const params = (info: string) => ({
        name: "HKDF",
        hash: "SHA-256",
        salt: encoder.encode("fulfillment-console-session"),
        info: encoder.encode(info),
      });
      const [seal, sign] = await Promise.all([
        crypto.subtle.deriveKey(params("encrypt"), base, { name: "AES-GCM", length: 256 }, false, [
          "encrypt",
          "decrypt",
        ]),
        crypto.subtle.deriveKey(
          params("sign"),
          base,
          { name: "HMAC", hash: "SHA-256", length: 256 },
          false,
          ["sign", "verify"],
        ),
      ]);
      return { seal, sign };
    })();
    derived.set(secret, keys);
  }
  return keys;
}

export const randomToken = () => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A fresh signed-out session; signing in fills in `signedIn` once its record is open. */
export const newSession = (): Session => ({
  signedIn: null,
  csrf: randomToken(),
  expiresAt: nowSeconds() + SESSION_SECONDS,
});

/** `v1.<iv>.<ciphertext>.<hmac>`, each part base64url. */
export async function seal(session: Session, secret: string): Promise<string> {
  const keys = await keysFor(secret);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const { signedIn } = session;
  const plain = JSON.stringify({
    k: signedIn && { a: signedIn.apiKey, i: signedIn.keyId, s: signedIn.id },
    c: session.csrf,
    e: session.expiresAt,
  } satisfies z.input<typeof Payload>);
  const cipher = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(VERSION) },
    keys.seal,
    encoder.encode(plain),
  );
  const body = `${VERSION}.${toBase64Url(iv)}.${toBase64Url(cipher)}`;
  const mac = await crypto.subtle.sign("HMAC", keys.sign, encoder.encode(body));
  return `${body}.${toBase64Url(mac)}`;
}

/** The session in a cookie value, or null when it is forged, tampered with or expired. */
export async function unseal(value: string, secret: string): Promise<Session | null> {
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, iv = "", cipher = "", mac = ""] = parts;
  const keys = await keysFor(secret);
  try {
    const signed = await crypto.subtle.verify(
      "HMAC",
      keys.sign,
      fromBase64Url(mac),
      encoder.encode(`${VERSION}.${iv}.${cipher}`),
    );
    if (!signed) return null;
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: fromBase64Url(iv), additionalData: encoder.encode(VERSION) },
      keys.seal,
      fromBase64Url(cipher),
    );
    const payload = Payload.safeParse(JSON.parse(new TextDecoder().decode(plain)));
    if (!payload.success || payload.data.e <= nowSeconds()) return null;
    const { k, c, e } = payload.data;
    return { signedIn: k && { apiKey: k.a, keyId: k.i, id: k.s }, csrf: c, expiresAt: e };
  } catch {
    // Malformed base64, a wrong IV length or a failed decryption: not a cookie we issued.
    return null;
  }
}

/**
 * Development without the secret gets one per isolate: sessions end when `wrangler dev`
 * restarts, which is all local use needs. Made on first use: the global scope may not
 * draw random values.
 */
let developmentSecret: string | undefined;

/** The secret this deploy signs sessions with, or why the console is off. */
export function sessionSecret(env: {
  CONSOLE_SESSION_SECRET?: string;
  ENVIRONMENT?: string;
}): { secret: string } | { refusal: string } {
  const secret = env.CONSOLE_SESSION_SECRET;
  const environment: Environment = environmentOf(env);
  if (!secret) {
    if (environment !== "development") {
      return { refusal: "CONSOLE_SESSION_SECRET is not configured for this deploy." };
    }
    developmentSecret ??= randomToken();
    return { secret: developmentSecret };
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return {
      refusal: `CONSOLE_SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`,
    };
  }
  return { secret };
}

const COOKIE_FLAGS = { httpOnly: true, secure: true, sameSite: "Strict", path: "/" } as const;

const recordOf = (session: Session, signedIn: SignedIn): SessionRecord => ({
  keyId: signedIn.keyId,
  id: signedIn.id,
  expiresAt: session.expiresAt,
});

/**
 * The cookie's session, if it unseals and, when signed in, its record is still open: one
 * that was signed out, or whose key was revoked, is no session at all.
 */
export async function readSession(
  c: Context,
  secret: string,
  records: SessionRecords,
): Promise<Session | null> {
  const value = getCookie(c, SESSION_COOKIE);
  const session = value ? await unseal(value, secret) : null;
  if (!session?.signedIn) return session;
  return (await records.isOpen(c.env, recordOf(session, session.signedIn))) ? session : null;
}

export async function writeSession(c: Context, session: Session, secret: string) {
  setCookie(c, SESSION_COOKIE, await seal(session, secret), {
    ...COOKIE_FLAGS,
    maxAge: Math.max(session.expiresAt - nowSeconds(), 0),
  });
}

/** Ends the session on the server, so a copy of its cookie opens nothing, and clears the cookie. */
export async function endSession(c: Context, session: Session | null, records: SessionRecords) {
  if (session?.signedIn) await records.end(c.env, recordOf(session, session.signedIn));
  deleteCookie(c, SESSION_COOKIE, COOKIE_FLAGS);
}
