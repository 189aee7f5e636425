import { z } from "@hono/zod-openapi";
import { publicRoute } from "../http/openapi";
import { ENVIRONMENTS } from "../lib/environment";

export const Health = z
  .object({
    status: z.literal("ok"),
    environment: z.enum(ENVIRONMENTS),
    version: z.string().openapi({ example: "0.1.0" }),
  })
  .openapi("Health");

export const health = publicRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["System"],
  summary: "Liveness, environment and deployed version",
  responses: {
    200: { description: "Up", content: { "application/json": { schema: Health } } },
  },
});
