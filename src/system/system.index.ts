import { html } from "hono/html";
import pkg from "../../package.json";
import { createRouter } from "../http/openapi";
import { environmentOf } from "../lib/environment";
import { health } from "./system.routes";

/*
 * /docs is the Scalar API reference viewer reading /v1/openapi.json, and everything it loads
 * comes from this deploy: the viewer is the pinned @scalar/api-reference's standalone bundle,
 * a static asset (wrangler.toml [assets], written by scripts/docs-assets.mjs), so the page
 * works offline and its policy allows nothing off-site. At 4.9 MB the bundle is too big to
 * ride in the Worker's own script. Its URL carries its version, as the asset's file name does.
 */
const VIEWER_PATH = `/docs/assets/api-reference-${pkg.devDependencies["@scalar/api-reference"]}.js`;

/*
 * Off: the default fonts (fonts.scalar.com), telemetry, the AI agent (api.scalar.com) and the
 * developer tools, which the viewer shows on localhost: all of them reach off-site.
 */
const VIEWER_CONFIG = JSON.stringify({
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
});

/*
 * Nothing off-site, and scripts only from this origin: the viewer reads its configuration from
 * data attributes, so no inline script runs. Styles may be inline: the viewer sets style
 * attributes and injects <style> elements, some without the nonce it offers to pass on.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/*
 * Until the viewer has rendered (its elements carry the class scalar-app), the fallback says
 * what is missing and where the document is, so a browser without JavaScript, or one that
 * could not load the viewer, never shows a blank page.
 */
const DOCS_PAGE = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Fulfillment API reference</title>
    <style>
      body:has(.scalar-app) #docs-fallback { display: none; }
      #docs-fallback { max-width: 40rem; margin: 3rem auto; padding: 0 1rem; font: 1rem/1.5 system-ui, sans-serif; }
    </style>
  </head>
  <body>
    <script id="api-reference" data-url="/v1/openapi.json" data-configuration="${VIEWER_CONFIG}"></script>
    <main id="docs-fallback">
      <h1>Fulfillment API reference</h1>
      <noscript><p><strong>JavaScript is off in this browser, and the interactive reference needs it.</strong></p></noscript>
      <p>
        Loading the interactive reference. If it does not appear, this browser did not run its
        viewer, <a href="${VIEWER_PATH}">${VIEWER_PATH}</a>, which this server serves: the script
        was blocked, failed to load, or JavaScript is off.
      </p>
      <p>
        The reference is the OpenAPI document,
        <a href="/v1/openapi.json">/v1/openapi.json</a>, which any OpenAPI tool can read.
      </p>
    </main>
    <script src="${VIEWER_PATH}"></script>
  </body>
</html>`;

export const systemRoutes = createRouter()
  .openapi(health, (c) =>
    c.json({ status: "ok" as const, environment: environmentOf(c.env), version: pkg.version }, 200),
  )
  .get("/docs", (c) => {
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    return c.html(DOCS_PAGE);
  });
