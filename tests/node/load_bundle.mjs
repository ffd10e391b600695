// Load one flat bundle as an i18next namespace and print what an app would show.
// Usage: node load_bundle.mjs LANG NAMESPACE FILE KEY [VAR=VALUE...]
import { readFileSync } from "node:fs";
import i18next from "i18next";

const [lang, ns, file, key, ...vars] = process.argv.slice(2);
const resources = { [lang]: { [ns]: JSON.parse(readFileSync(file, "utf8")) } };
await i18next.init({
  lng: lang,
  fallbackLng: false,
  ns: [ns],
  defaultNS: ns,
  resources,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: "{", suffix: "}", escapeValue: false },
});
const values = Object.fromEntries(vars.map((v) => v.split("=", 2)));
process.stdout.write(JSON.stringify({ text: i18next.t(key, values), exists: i18next.exists(key) }));
