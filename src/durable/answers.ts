/*
 * How an object's failure reaches its caller. An exception thrown out of an RPC method is
 * logged by the object as uncaught and leaves the caller's stub broken for later calls; a
 * failure the system recovers from by itself (a D1 write the journal retries, a stock commit
 * the order retries) is neither. So objects answer such failures as values, and the caller
 * turns one back into an exception where it decides what it means.
 */

/** What an object answers when its work failed. */
export interface Failure {
  failed: string;
}

const isFailure = (value: unknown): value is Failure =>
  typeof value === "object" && value !== null && "failed" in value;

/** Runs an object's work for a caller: its result, or the failure it came to. */
export async function answering<T>(work: () => Promise<T>): Promise<T | Failure> {
  try {
    return await work();
  } catch (err) {
    return { failed: err instanceof Error ? err.message : String(err) };
  }
}

/** An object's answer, or the exception its failure was. */
export function answered<A>(answer: A): Exclude<A, Failure> {
  if (isFailure(answer)) throw new Error(answer.failed);
  return answer as Exclude<A, Failure>;
}
