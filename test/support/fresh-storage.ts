import { env, runInDurableObject } from "cloudflare:test";

/**
 * Runs `body` on the storage of a Durable Object no other test has touched, with the
 * object's events held off so that an alarm set meanwhile cannot fire mid-test (the
 * RateLimiter class that lends its storage has no alarm handler), and deletes any alarm
 * left behind, since alarms are not reset between tests.
 */
export function onFreshStorage<T>(body: (storage: DurableObjectStorage) => Promise<T>) {
  const stub = env.RATE_LIMITER.getByName(`fresh-storage:${crypto.randomUUID()}`);
  return runInDurableObject(stub, (_, state) =>
    state.blockConcurrencyWhile(async () => {
      try {
        return await body(state.storage);
      } finally {
        await state.storage.deleteAlarm();
      }
    }),
  );
}
