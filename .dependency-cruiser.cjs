/*
 * The layers of src/, checked by `npm run lint`. Imports point down:
 *
 *   app.ts, index.ts     wire everything together
 *   console/             a client of the API: only its own files, lib/, domain/ and app.ts's types
 *   features             one folder per resource (orders/, inventory/, webhooks/, …)
 *   http/                errors, refusals, auth, pagination, the router
 *   durable/             Durable Object names, the intent journal, the one-alarm schedule
 *   db/                  tables, SQL helpers, feeds, shards
 *   domain/              vocabularies and shapes: statuses, events, scopes, refusal codes
 *   lib/                 ids, crypto, cursors, the serial queue: no project knowledge
 *
 * A feature reaches another only through its public modules: the files named after it
 * (`orders/orders.commands.ts`, `shipments/shipments.rules.ts`). The rest of its folder is
 * its own.
 */
const LAYERS = ["lib", "domain", "db", "durable", "http"];
const below = (layer) => LAYERS.slice(0, LAYERS.indexOf(layer) + 1);
const only = (dirs) => `^src/(?!(${dirs.join("|")})/)[^/]+/`;
const NOT_A_FEATURE = `^src/(${[...LAYERS, "console"].join("|")})/`;

const layer = (name, comment) => ({
  name: `${name}-points-down`,
  comment,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: { path: [only(below(name)), "^src/[^/]+\\.tsx?$"] },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules that import each other cannot be changed or loaded one at a time.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    layer("lib", "lib/ knows nothing of the project: it imports only other lib/ modules."),
    layer("domain", "domain/ holds vocabularies and shapes: it imports only lib/ and domain/."),
    layer("db", "db/ imports only lib/, domain/ and db/: never http/, a feature or the console."),
    layer("durable", "durable/ imports only lib/, domain/, db/ and durable/."),
    layer("http", "http/ is plumbing under the features: it imports lib/, domain/, db/ and http/."),
    {
      name: "features-through-public-modules",
      comment:
        "A feature uses another only through its public modules, the files named after it (orders/orders.*.ts).",
      severity: "error",
      from: { path: "^src/([^/]+)/", pathNot: NOT_A_FEATURE },
      to: {
        path: "^src/[^/]+/",
        pathNot: [NOT_A_FEATURE, "^src/$1/", "^src/(?<feature>[^/]+)/\\k<feature>\\.[^/]+$"],
      },
    },
    {
      name: "features-below-console-and-app",
      comment: "Features never import the console or the app that wires them.",
      severity: "error",
      from: { path: "^src/[^/]+/", pathNot: NOT_A_FEATURE },
      to: { path: ["^src/console/", "^src/[^/]+\\.tsx?$"] },
    },
    {
      name: "console-is-a-client",
      comment:
        "The console reaches the API only as a client: its own files, lib/, domain/, and the app's types.",
      severity: "error",
      from: { path: "^src/console/" },
      to: { path: "^src/", pathNot: ["^src/(console|lib|domain)/", "^src/app\\.ts$"] },
    },
    {
      name: "console-takes-only-types-from-the-app",
      comment: "The console calls the API through its fetch; from app.ts it takes only AppType.",
      severity: "error",
      from: { path: "^src/console/" },
      to: { path: "^src/app\\.ts$", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.d\\.ts$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".json"] },
  },
};
