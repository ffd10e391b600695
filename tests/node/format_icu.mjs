// Format ICU messages with FormatJS's intl-messageformat, as react-intl would.
// Usage: node format_icu.mjs < [{"locale": "es", "message": "...", "values": {...}}, ...]
// Prints one result per message: {"text": ...} or {"error": ...}.
import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";

const jobs = JSON.parse(readFileSync(0, "utf8"));
const results = jobs.map(({ locale, message, values }) => {
  try {
    return { text: String(new IntlMessageFormat(message, locale).format(values)) };
  } catch (error) {
    return { error: String(error) };
  }
});
process.stdout.write(JSON.stringify(results));
