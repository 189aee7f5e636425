import { z } from "@hono/zod-openapi";
import { drizzle } from "drizzle-orm/d1";
import type { Db } from "./client";
import * as schema from "./schema";

/*
 * D1's Sessions API. A session's queries are sequentially consistent, and its bookmark names
 * the database state they reached: a session started from a bookmark reads a state at least
 * that new, from the nearest replica that has it.
 */

/** The shape D1 documents for a bookmark (and Miniflare issues): four dash-joined hex runs. */
export const Bookmark = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/, {
  message: "is not a consistency token this API issued",
});

/**
 * Every call on the primary, as the plain binding sends them, each in a "first-primary"
 * session of its own: that is what the plain binding's session is, on the wire, except that
 * it never tells its bookmark. One session per call keeps every read on the primary (a
 * longer session would move its later reads to replicas), and the meter wrapping `d1`
 * keeps the newest bookmark the calls reached.
 */
export function primary(d1: D1Database): D1Database {
  return {
    prepare: (query: string) => d1.withSession("first-primary").prepare(query),
    batch: <T>(statements: D1PreparedStatement[]) =>
      d1.withSession("first-primary").batch<T>(statements),
    exec: (query: string) => d1.exec(query),
    withSession: (start?: string) => d1.withSession(start),
    dump: () => d1.dump(),
  };
}

/**
 * Reads that any replica at least as new as `start` may serve: a bookmark, or
 * "first-unconstrained" for whichever copy is nearest. drizzle's D1 driver calls only
 * `prepare` and `batch` on its client, which a session has.
 */
export const reading = (d1: D1Database, start: string): Db =>
  drizzle(d1.withSession(start) as unknown as D1Database, { schema });
