import pkg from "../../package.json";
import { createRouter } from "../http/openapi";
import { environmentOf } from "../lib/environment";
import { health } from "./system.routes";

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fulfillment API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/v1/openapi.json"></script>
    <script
      src="https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.0/dist/browser/standalone.js"
      integrity="sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ"
      crossorigin="anonymous"
    ></script>
  </body>
</html>`;

export const systemRoutes = createRouter()
  .openapi(health, (c) =>
    c.json({ status: "ok" as const, environment: environmentOf(c.env), version: pkg.version }, 200),
  )
  .get("/docs", (c) => c.html(DOCS_PAGE));
