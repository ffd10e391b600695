"""Right-to-left text: how placeholders, numbers and Latin runs keep their order on screen.

The Unicode bidirectional algorithm lays out a number that follows Arabic letters as an Arabic
number, and splits it at a hyphen: a phone number `555-0100` filled into Arabic text is shown
`0100-555`. A value set between FSI (U+2068) and PDI (U+2069) is laid out on its own, in its own
direction, so bundles for right-to-left locales isolate every placeholder.
"""

from __future__ import annotations

import re

FSI, PDI = "\u2068", "\u2069"

# A placeholder, with the isolate a translator already typed right around it (LRI, RLI or FSI, and
# PDI), so that isolating twice gives the same text. An opening or a closing mark alone is left as it
# is: it belongs to an isolate around more than the placeholder ("\u2068+1 {clinic_phone}\u2069").
_PLACEHOLDER = re.compile(r"[\u2066\u2067\u2068](\{[A-Za-z_][A-Za-z0-9_]*\})\u2069|(\{[A-Za-z_][A-Za-z0-9_]*\})")


def isolate_placeholders(text: str) -> str:
    """Every `{name}` placeholder of ``text`` set between FSI and PDI, once."""
    if "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda m: FSI + (m.group(1) or m.group(2)) + PDI, text)
