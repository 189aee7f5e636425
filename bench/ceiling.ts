import { Hono } from "hono";

/**
 * The bench's ceiling: one Hono route that returns `{}`, bundled by wrangler like the API
 * and served by the same workerd, so (API req/s) ÷ (this req/s) is what the app's own
 * work costs on this machine.
 */
const app = new Hono();
app.get("/ceiling", (c) => c.json({}));

export default app;
