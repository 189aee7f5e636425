// The port `npm run dev` serves on. Pure (no Node built-ins), so the unit tests import it
// inside workerd like the rest of the suite.

export const DEFAULT_PORT = 8787;

const HOW = "give a whole number from 1 to 65535";

function parse(value, source) {
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new Error(`${source} ${JSON.stringify(value)} is not a port: ${HOW}`);
  }
  return port;
}

/**
 * `--port N` (or `--port=N`) from `argv`, else `PORT` from `env`, else 8787. The flag wins
 * because it is the more deliberate choice: a PORT exported for some other tool should not
 * override what was typed. An empty PORT counts as unset, as `PORT= npm run dev` means.
 * Throws, naming the value and where it came from, on anything that is not a port.
 */
export function choosePort(argv, env) {
  let flag;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--port") {
      flag = argv[i + 1];
      if (flag === undefined) {
        throw new Error(`--port needs a value, e.g. --port 8790: ${HOW}`);
      }
      i++;
    } else if (arg.startsWith("--port=")) {
      flag = arg.slice("--port=".length);
    }
  }
  if (flag !== undefined) return parse(flag, "--port");
  if (env.PORT) return parse(env.PORT, "PORT");
  return DEFAULT_PORT;
}

/** What to tell someone whose port is taken: the two ways to pick another. */
export function otherPortHint(port) {
  const next = port < 65535 ? port + 1 : DEFAULT_PORT + 1;
  return `choose another port: npm run dev -- --port ${next} (or PORT=${next} npm run dev)`;
}
