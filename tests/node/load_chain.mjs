// Load one procedure's flat bundles for a language and its fallback chain, as an app would, and say
// which language i18next answered a key from and that language's direction.
// Usage: node load_chain.mjs NAMESPACE KEY LANG=FILE [LANG=FILE...]   (the first LANG is requested)
import { readFileSync } from "node:fs";
import i18next from "i18next";

const [ns, key, ...files] = process.argv.slice(2);
const langs = files.map((f) => f.split("=", 1)[0]);
const resources = Object.fromEntries(files.map((f) => {
  const [lang, path] = [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)];
  return [lang, { [ns]: JSON.parse(readFileSync(path, "utf8")) }];
}));
await i18next.init({
  lng: langs[0],
  fallbackLng: langs.slice(1),
  ns: [ns],
  defaultNS: ns,
  resources,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: "{", suffix: "}", escapeValue: false },
});
const details = i18next.t(key, { returnDetails: true });
process.stdout.write(JSON.stringify({ text: details.res, usedLng: details.usedLng, dir: i18next.dir(details.usedLng) }));
