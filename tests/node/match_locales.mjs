// Pick a shipped locale for each request with FormatJS's matcher, as a web app would.
// Usage: node match_locales.mjs < {"available": [...], "default": "en", "requests": [...]}
// Prints {request: chosen locale} (the default when nothing matches).
import { readFileSync } from "node:fs";
import { match } from "@formatjs/intl-localematcher";

const { available, requests, default: fallback } = JSON.parse(readFileSync(0, "utf8"));
const chosen = Object.fromEntries(
  requests.map((r) => [r, match([r], available, fallback, { algorithm: "best fit" })]),
);
process.stdout.write(JSON.stringify(chosen));
