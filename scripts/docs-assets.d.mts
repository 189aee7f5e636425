// Types for scripts/docs-assets.mjs, which stays plain JavaScript so Node runs it as is.

/** wrangler.toml's [assets] directory, absolute. */
export declare const ASSETS_DIR: string;
/** The viewer's URL path for a version of @scalar/api-reference. */
export declare function viewerPath(version: string): string;
/** Writes ASSETS_DIR afresh from the installed package; returns the viewer's URL path. */
export declare function writeDocsAssets(): string;
