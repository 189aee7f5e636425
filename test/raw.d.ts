// Vite's `?raw` suffix imports a file's text (the unit tests read wrangler.toml this way).
declare module "*?raw" {
  const text: string;
  export default text;
}
