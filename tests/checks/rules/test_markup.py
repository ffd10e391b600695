"""E102 markup: no tag, entity, handler, script link, Markdown link, URL or e-mail the source lacks."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import markup

from .helpers import assert_flagged, entry, row_ids, run
from .sentences import CALL, CALL_T, planted

SITE = "See https://clinic.example/back for more."
SITE_ES = "Vea https://clinic.example/back para más información."
SITE_END = "See https://clinic.example/back."  # a URL that ends the sentence
TRANS = "Call <0>now</0>."  # a react-i18next <Trans> text: its first element, numbered
GLUED = "URL '{}' runs into the text after it ('{}'): an app links both as one address; put a space after the URL"
MAIL = "Write to info@clinic.example with any questions."
LOW = "Call if your temperature is below 36 °C or your pulse below 60."

CLEAN = [
    # locale, source, translation
    ("es", CALL, CALL_T["es"]),
    ("es", SITE, SITE_ES),  # the source's URL, kept
    ("es", "Rest: 2 < 3 days.", "Descanse: 2 < 3 días."),  # a trigger character that is no markup
    # a link of the source with its text translated: the target is what must not change
    ("es", "See [the guide](https://clinic.example/guide).", "Vea [la guía](https://clinic.example/guide)."),
    ("es", "![A diagram](https://clinic.example/spine.png)", "![Un esquema](https://clinic.example/spine.png)"),
    ("es", "Read <b>this</b> first.", "Lea <b>esto</b> primero."),  # the source's tags, kept
    ("es", "Read <!-- a note --> this.", "Lea <!-- a note --> esto."),  # the source's comment, kept
    # the source's links, their text translated, brackets in it and all
    ("es", "See [the guide [1]](/guide_(2)).", "Vea [la guía [1]](/guide_(2))."),
    ("es", "See [the guide][g].\n\n[g]: https://clinic.example/guide",
     "Vea [la guía][g].\n\n[g]: https://clinic.example/guide"),
    # brackets that make no link: a note, an escaped bracket, a line that defines nothing
    ("es", "Studies [1] show it [see below].", "Los estudios [1] lo muestran [vea abajo]."),
    ("es", "Read this first.", "Lea esto \\[primero](2)."),
    ("ht", "Note: take two tablets.", "[Nòt]: pran de grenn."),
    # an "&" that starts no character reference: a browser shows it as written
    ("es", "Ask about Q&A sessions at A&E.", "Pregunte por las sesiones de P&R en Urgencias (A&E)."),
    ("ht", "Salt & pepper, AT&T, R&D", "Sèl & pwav, AT&T, R&D"),
    # the text of an attribute a reader sees (a tooltip, an image's description) is translated
    ("es", 'Call <a href="tel:{clinic_phone}" title="Call the clinic">us</a>.',
     'Llame <a href="tel:{clinic_phone}" title="Llame a la clínica">a la clínica</a>.'),
    ("zh_Hans", '<img src="/spine.png" alt="The spine">', '<img src="/spine.png" alt="脊柱示意图">'),
    ("ar", "<abbr title='Magnetic resonance imaging'>MRI</abbr>", "<abbr title='التصوير بالرنين المغناطيسي'>MRI</abbr>"),
    ("es", '<button aria-label="Close">x</button>', '<button ARIA-LABEL = "Cerrar">x</button>'),
    ("es", "Printed &copy 2024 by the clinic.", "Impreso &copy 2024 por la clínica."),  # the source's, kept
    # the punctuation after a URL ends the sentence, not the URL: it may move, change or go
    ("es", SITE_END, "Vea https://clinic.example/back para más información"),
    ("zh_Hans", SITE_END, "请访问 https://clinic.example/back。"),
    ("zh_Hans", SITE_END, "请访问“https://clinic.example/back”。"),
    ("ar", SITE_END, "هل زرت https://clinic.example/back؟"),
    ("ar", SITE_END, "انظر https://clinic.example/back، ثم اتصل بنا."),
    ("es", SITE_END, "Vea «https://clinic.example/back»."),
    ("es", SITE_END, "Vea la guía (https://clinic.example/back)."),
    ("ht", SITE_END, "Gade https://clinic.example/back!"),
    ("vi", SITE_END, "Xem https://clinic.example/back; sau đó hãy gọi."),
    ("vi", SITE_END, "Xem ‘https://clinic.example/back’: sau đó hãy gọi."),
    ("es", "Read www.clinic.example.", "Lea www.clinic.example, por favor."),
    ("es", "See [the guide](https://clinic.example/guide).", "Vea [la guía](https://clinic.example/guide) ahora."),
    # a URL or e-mail address of the source written against Chinese text, as Chinese writes it
    ("zh_Hans", SITE_END, "请访问https://clinic.example/back。"),
    ("zh_Hans", "Read www.clinic.example first.", "请先阅读www.clinic.example。"),
    ("zh_Hans", "Write to info@clinic.example.", "请发邮件至info@clinic.example。"),
    # an address ends at its last ASCII letter, as GFM reads it: the text glued after it is not part of it
    ("zh_Hans", MAIL, "如有疑问，请发邮件至info@clinic.example咨询。"),
    ("zh_Hans", MAIL, "如有疑问，请发邮件至info@clinic.example，谢谢。"),
    ("ar", MAIL, "اكتب إلى info@clinic.exampleلطرح أسئلتك."),
    ("ar", MAIL, "اكتب إلى info@clinic.example، إذا كانت لديك أسئلة."),
    # react-i18next's numbered tags of the source, kept; a "<" before a number and no ">" is text
    ("es", TRANS, "Llame <0>ahora</0>."),
    ("zh_Hans", "Call <0>now</0> or <1/> later.", "请<0>现在</0>或稍后<1/>致电。"),
    ("es", "Rest: 2 <3 days.", "Descanse: 2 <3 días."),
    # "<" followed by a space is text to <Trans> however many there are; so are "≤", "＜" and "&lt;"
    ("es", LOW, "Llame si su temperatura es < 36 °C o su pulso < 60."),
    ("vi", LOW, "Hãy gọi nếu nhiệt độ < 36 °C hoặc mạch <60 lần/phút."),
    ("ar", LOW, "اتصل إذا كانت حرارتك ≤36 °C أو نبضك ＜60."),
    ("es", "Call if your temperature is below &lt;36 °C.", "Llame si su temperatura es &lt;36 °C o <60."),
    # a "<" before a number inside the source's numbered tag: the tag's "</0>" ends it, as the source's
    ("ht", TRANS, "Rele <0>kounye a si tanperati w <36 °C</0>."),
    # parentheses that pair inside a URL are part of it, as in GFM and linkify-it
    ("es", "See https://en.wikipedia.org/wiki/Spine_(anatomy).",
     "Vea https://en.wikipedia.org/wiki/Spine_(anatomy) para más información."),
]

FLAGGED = [
    # a tag of the source left out: the rest of the text bold, a <Trans> element with nothing in it
    ("es", "Call <b>now</b>.", "Llame <b>ahora.", "HTML tag '</b>' from the source is missing"),
    ("es", "Call <b>now</b>.", "Llame ahora.", "HTML tag '<b>' from the source is missing"),
    ("zh_Hans", "Call <0>now</0> or <1/> later.", "请<0>现在</0>或稍后致电。", "HTML tag '<1/>' from the source is missing"),
    # locale, source, translation, telling part of the message
    ("es", CALL, planted(CALL_T["es"], None, " <script>alert(1)</script>"), "HTML tag '<script>'"),
    ("es", CALL, planted(CALL_T["es"], None, " <img src=x onerror=alert(1)>"), "event-handler attribute"),
    ("ar", CALL, planted(CALL_T["ar"], None, " https://evil.example/x"), "URL 'https://evil.example/x'"),
    ("es", CALL, planted(CALL_T["es"], None, " [aquí](javascript:alert(1))"), "Markdown link"),
    ("es", CALL, planted(CALL_T["es"], None, " &lt;b&gt;"), "HTML entity"),
    # a character reference without its ";": HTML5 reads the legacy names (&lt, &amp, &copy, &nbsp,
    # &deg, &sup2...) and numeric references without one, even before more letters ("&notas": "¬as")
    ("es", CALL, planted(CALL_T["es"], None, " &lt"), "HTML entity '&lt' is not in the source"),
    ("ar", CALL, planted(CALL_T["ar"], None, " &amp"), "HTML entity '&amp' is not in the source"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "&copy"), "HTML entity '&copy' is not in the source"),
    ("ht", "Avoid heavy lifting for 2–4 weeks.", "Evite leve bagay ki lou pandan 2&nbsp–4 semèn.",
     "HTML entity '&nbsp' is not in the source"),
    ("vi", "Call if your temperature is above 38 °C.", "Hãy gọi nếu nhiệt độ trên 38 &degC.",
     "HTML entity '&deg' is not in the source"),
    ("es", "Take 2 tablets.", "Tome &sup2 comprimidos.", "HTML entity '&sup2' is not in the source"),
    ("es", "Take no more than 4 tablets.", "No tome &notas de más de 4 comprimidos.",
     "HTML entity '&not' is not in the source"),
    ("es", CALL, planted(CALL_T["es"], None, " &LT"), "HTML entity '&LT' is not in the source"),
    ("es", CALL, planted(CALL_T["es"], None, " &#60"), "HTML entity '&#60' is not in the source"),
    ("ar", CALL, planted(CALL_T["ar"], None, " &#x3c"), "HTML entity '&#x3c' is not in the source"),
    ("es", CALL, planted(CALL_T["es"], None, " &#X3C;"), "HTML entity '&#X3C;' is not in the source"),
    ("es", "Printed &copy 2024 by the clinic.", "Impreso &copy; 2024 por la clínica.",
     "HTML entity '&copy;' is not in the source"),  # Markdown shows the source's "&copy" as written, not "©"
    # what to do: write the character itself; "<" with a space after it, so that no app reads a tag
    ("es", LOW, "Llame si su temperatura es &lt;36 °C o su pulso &lt;60.",
     "HTML entity '&lt;' is not in the source: an app may show it as written; write \"<\" with a space after it"),
    ("vi", "Call if your temperature is above 38 °C.", "Hãy gọi nếu nhiệt độ &gt; 38 °C.",
     "HTML entity '&gt;' is not in the source: an app may show it as written; write \">\" itself"),
    ("ar", LOW, "اتصل إذا كانت حرارتك &le;36 °C أو نبضك &#60 60.",
     "HTML entity '&le;' is not in the source: an app may show it as written; write \"≤\" itself"),
    ("ar", LOW, "اتصل إذا كانت حرارتك &le;36 °C أو نبضك &#60 60.",
     "HTML entity '&#60' is not in the source: an app may show it as written; write \"<\" with a space after it"),
    ("ht", "Avoid heavy lifting for 2–4 weeks.", "Evite leve bagay ki lou pandan 2&nbsp;–4 semèn.",
     "HTML entity '&nbsp;' is not in the source: an app may show it as written; write the character itself "
     "(NO-BREAK SPACE)"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "&foo;"), "HTML entity '&foo;' is not in the source: remove it"),
    ("es", CALL, planted(CALL_T["es"], None, " &#0;"), "HTML entity '&#0;' is not in the source: remove it"),
    ("es", CALL, planted(CALL_T["es"], None, " WWW.evil.example"), "URL 'WWW.evil.example'"),
    ("es", CALL, planted(CALL_T["es"], None, " wWw.evil.example"), "URL 'wWw.evil.example'"),
    ("es", "Read www.clinic.example first.", "Lea primero la web.",
     "URL 'www.clinic.example' from the source is missing: copy it unchanged"),
    ("es", CALL, planted(CALL_T["es"], None, " data:text/html,x"), "script link 'data:'"),
    ("es", CALL, planted(CALL_T["es"], None, " a@b.example"), "e-mail address 'a@b.example'"),
    ("es", "See [the guide](https://clinic.example/guide).", "Vea [la guía](https://evil.example/guide).",
     "Markdown link '[la guía](https://evil.example/guide)' is not in the source"),
    ("es", "See [the guide](https://clinic.example/guide).", "Vea ![la guía](https://clinic.example/guide).",
     "Markdown link '![la guía](https://clinic.example/guide)' is not in the source"),  # made an image
    # a Markdown link however written: brackets in its text, parentheses in its target, a link by
    # reference ("[a][1]", "[a][]") and the line that defines its target ("[1]: //host.example")
    ("es", CALL, planted(CALL_T["es"], None, " [vea [1]](/guia)"), "Markdown link '[vea [1]](/guia)' is not in"),
    ("ar", CALL, planted(CALL_T["ar"], None, " [أ](/a_(b_(c)))"), "Markdown link '[أ](/a_(b_(c)))' is not in"),
    ("vi", "Call if your temperature is above 38 °C.", "Hãy gọi nếu nhiệt độ trên 38 °C [xem][1].\n\n[1]: //x.example",
     "Markdown link '[xem][1]' is not in the source"),
    ("vi", "Call if your temperature is above 38 °C.", "Hãy gọi nếu nhiệt độ trên 38 °C [xem][1].\n\n[1]: //x.example",
     "Markdown link definition '[1]: //x.example' is not in the source"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "[更多][]"), "Markdown link '[更多][]' is not in the source"),
    ("ht", "Avoid heavy lifting for 2–4 weeks.", 'Evite leve bagay ki lou pandan 2–4 semèn.\n  [a]: /x "b"',
     "Markdown link definition '[a]: /x \"b\"' is not in the source"),
    ("es", CALL, planted(CALL_T["es"], None, " ![a][1]"), "Markdown link '![a][1]' is not in the source"),
    ("es", "See [the guide [1]](/guide).", "Vea [la guía [1]](/evil).", "Markdown link '[la guía [1]](/evil)'"),
    ("es", "See [the guide][g].", "Vea [la guía][h].", "Markdown link '[la guía][h]' is not in the source"),
    # an autolink is an HTML tag to the check, with or without a scheme
    ("es", CALL, planted(CALL_T["es"], None, " <https://x.example>"), "HTML tag '<https://x.example>'"),
    ("es", CALL, planted(CALL_T["es"], None, " <//x.example>"), "HTML tag '<//x.example>'"),
    # a tag left without its ">": an app that renders HTML hides the text up to the next ">"
    ("es", "Read <b>this</b> first.", "Lea <b>esto</b primero.", "HTML tag '</b primero.' is not in the source"),
    ("es", CALL, planted(CALL_T["es"], None, " <b"), "HTML tag '<b' is not in the source"),
    # "<?", "<!" and "</" before a non-letter open a comment up to the next ">": the rest is hidden
    ("ht", "Avoid heavy lifting for 2–4 weeks.", "Evite <?xml leve bagay ki lou pandan 2–4 semèn.",
     "HTML tag '<?xml leve bagay ki lou pandan 2–4 semèn.' is not in the source"),
    ("ht", "Avoid heavy lifting for 2–4 weeks.", "Evite <!x leve bagay ki lou pandan 2–4 semèn.",
     "HTML tag '<!x leve bagay ki lou pandan 2–4 semèn.' is not in the source"),
    ("ht", "Avoid heavy lifting for 2–4 weeks.", "Evite <!DOCTYPE> leve bagay ki lou pandan 2–4 semèn.",
     "HTML tag '<!DOCTYPE>' is not in the source"),
    ("ht", "Avoid heavy lifting for 2–4 weeks.", "Evite </ leve bagay ki lou pandan 2–4 semèn.",
     "HTML tag '</ leve bagay ki lou pandan 2–4 semèn.' is not in the source"),
    ("es", SITE, planted(SITE_ES, "https://clinic.example/back", "la web"),
     "URL 'https://clinic.example/back' from the source is missing: copy it unchanged"),
    # a URL or e-mail address right after a Chinese or Arabic letter: GFM links it all the same
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "请访问https://evil.example/x"),
     "URL 'https://evil.example/x' is not in the source"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "或访问www.evil.example"), "URL 'www.evil.example' is not in"),
    ("ar", CALL, planted(CALL_T["ar"], None, " انظرhttps://evil.example"), "URL 'https://evil.example' is not in"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "请发邮件至evil@evil.example。"),
     "e-mail address 'evil@evil.example' is not in the source"),
    ("ar", CALL, planted(CALL_T["ar"], None, " اكتب إلىevil@evil.example"),
     "e-mail address 'evil@evil.example' is not in the source"),
    # another address glued to Chinese or Arabic text is named as GFM links it, without the text
    ("zh_Hans", MAIL, "如有疑问，请发邮件至info@evil.example咨询。", "e-mail address 'info@evil.example' is not in the"),
    ("ar", MAIL, "اكتب إلى info@clinic.examplesاليوم.", "e-mail address 'info@clinic.examples' is not in the"),
    # the source's URL with the text after it glued on: GFM links both as one address, which breaks
    # the link; one finding says where, and what to do
    ("zh_Hans", SITE, "更多信息请访问https://clinic.example/back咨询。", GLUED.format("https://clinic.example/back", "咨询")),
    ("zh_Hans", SITE_END, "请访问https://clinic.example/back，谢谢。", GLUED.format("https://clinic.example/back", "，谢谢")),
    ("ar", SITE, "انظر https://clinic.example/backلمزيد من المعلومات.",
     GLUED.format("https://clinic.example/back", "لمزيد")),
    ("zh_Hans", "Read www.clinic.example first.", "请先阅读www.clinic.example网站。", GLUED.format("www.clinic.example", "网站")),
    # react-i18next's <Trans> renders a "<" before a digit up to the next ">" as a numbered tag,
    # with or without "/" or attributes: an element, or text hidden ("<36 °C o >38" shows "38")
    ("es", CALL, planted(CALL_T["es"], None, " Llame <1/> ahora"), "HTML tag '<1/>' is not in the source"),
    ("ar", CALL, planted(CALL_T["ar"], None, " <0>اتصل الآن"), "HTML tag '<0>' is not in the source"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "<1 />"), "HTML tag '<1 />' is not in the source"),
    ("vi", "Call if your temperature is above 38 °C.", "Hãy gọi nếu nhiệt độ trên 38 °C <00>ngay</00>.",
     "HTML tag '<00>' is not in the source"),
    ("ht", TRANS, 'Rele <0 href="https://evil.example">kounye a</0>.',
     "HTML tag '<0 href=\"https://evil.example\">' is not in the source"),
    # only the text of such an attribute: its tag, the other attributes and the markup around it stay
    ("es", 'Call <a href="tel:{clinic_phone}" title="Call">us</a>.',
     'Llame <a href="https://evil.example" title="Llame">aquí</a>.',
     "HTML tag '<a href=\"https://evil.example\" title=\"…\">' is not in the source"),
    ("es", '<img src="/spine.png" alt="The spine">', '<img src="/spine.png" alt="La columna" onerror="alert(1)">',
     "event-handler attribute"),
    ("es", '<img src="/spine.png" alt="The spine">', '<img src="/spine.png" alt="La <b>columna</b>">',
     "HTML tag '<b>' is not in the source"),
    ("es", '<img src="/spine.png" alt="The spine">', '<img src="/spine.png">',
     "HTML tag '<img src=\"/spine.png\" alt=\"…\">' from the source is missing"),
    ("es", 'See <a href="/Guide" title="Guide">the guide</a>.', 'Vea <a href="/guide" title="Guía">la guía</a>.',
     "HTML tag '<a href=\"/guide\" title=\"…\">' is not in the source"),
    ("es", TRANS, "Llame <1>ahora</1>.", "HTML tag '<1>' is not in the source"),
    ("es", "Call if your temperature is below 36 °C or above 38 °C.",
     "Llame si su temperatura es <36 °C o >38 °C.", "HTML tag '<36 °C o >' is not in the source"),
    # <Trans> reads the translation inside its own "<0>…</0>": after a "<" before a number, a second
    # "<" before a letter, digit, "-", "!" or "/" starts a tag that runs to the next ">", or to the
    # wrapper's at the end (the patient does not see "<60" nor what follows it); a second "<" before
    # anything else makes the whole run one tag ("<36 °C o < 60." hides all of it)
    ("es", LOW, "Llame si tiene fiebre de más de <36 °C o el pulso <60", "HTML tag '<60' is not in the source"),
    ("vi", LOW, "Hãy gọi nếu nhiệt độ <36 °C hoặc mạch <60 lần/phút, rồi nghỉ ngơi.",
     "HTML tag '<60 lần/phút, rồi nghỉ ngơi.' is not in the source"),
    ("zh_Hans", LOW, "如果体温 <36 °C 或脉搏<60次/分钟，请致电。", "HTML tag '<60次/分钟，请致电。' is not in the source"),
    ("ar", LOW, "اتصل إذا كانت حرارتك <36 °C أو نبضك <60.", "HTML tag '<60.' is not in the source"),
    ("es", LOW, "Llame si su temperatura es <36 °C o su pulso < 60.", "HTML tag '<36 °C o su pulso < 60.' is not in"),
    ("ht", TRANS, "Rele <0>kounye a</0> si tanperati w <36 °C oswa <60.", "HTML tag '<60.' is not in the source"),
    ("es", TRANS, "Llame si <36 °C o <60 y <0>ahora</0>.", "HTML tag '<60 y <0>' is not in the source"),
    # a "<" before "-" starts a tag as one before a digit does (react-i18next 15 hides these)
    ("es", LOW, "Llame si <-5 °C o <-10 °C.", "HTML tag '<-10 °C.' is not in the source"),
    ("es", LOW, "Llame si <-5 °C o >38 °C.", "HTML tag '<-5 °C o >' is not in the source"),
    # what to do: a "<" that means "less than" keeps its meaning with a space after it
    ("es", LOW, "Llame si <36 °C o <60.", "put a space after each \"<\" that means \"less than\""),
    # named tags: a component's name or one of the HTML tags Trans keeps (br, strong, i, p)
    ("ht", TRANS, "Rele <br/>kounye a.", "HTML tag '<br/>' is not in the source"),
    ("vi", TRANS, "Hãy gọi <bold>ngay</bold>.", "HTML tag '<bold>' is not in the source"),
    # a URL is named without the punctuation after it, and changing it is still caught
    ("es", CALL, planted(CALL_T["es"], None, " https://evil.example/x."), "URL 'https://evil.example/x' is not in"),
    ("zh_Hans", CALL, planted(CALL_T["zh_Hans"], None, "请访问 https://evil.example/x。"),
     "URL 'https://evil.example/x' is not in the source"),
    ("ar", SITE_END, "هل زرت https://clinic.example/back/؟", "URL 'https://clinic.example/back/' is not in the source"),
    ("es", "See https://en.wikipedia.org/wiki/Spine_(anatomy).", "Vea https://en.wikipedia.org/wiki/Spine_ ahora.",
     "URL 'https://en.wikipedia.org/wiki/Spine_(anatomy)' from the source is missing: copy it unchanged"),
]


@pytest.mark.parametrize("locale,msgid,msgstr", CLEAN, ids=row_ids(CLEAN))
def test_no_finding(locale, msgid, msgstr):
    assert run(markup, entry(msgid, msgstr, locale)) == []


@pytest.mark.parametrize("locale,msgid,msgstr,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(locale, msgid, msgstr, expected):
    assert_flagged(run(markup, entry(msgid, msgstr, locale)), "E102", expected)


def test_a_url_run_into_the_text_after_it_is_one_finding():
    """Not also "not in the source" and "missing": the URL is there, the space after it is not."""
    found = run(markup, entry(SITE, "更多信息请访问https://clinic.example/back咨询。", "zh_Hans"))
    assert [message for _, _, message in found] == [GLUED.format("https://clinic.example/back", "咨询")]


def test_every_reference_a_browser_reads_without_its_semicolon():
    """Each legacy name of the HTML5 table (the names a browser reads without ";") is flagged when
    the source lacks it, in a word as well ("&notas" reads "¬as")."""
    from html.entities import html5

    legacy = sorted(name for name in html5 if not name.endswith(";"))
    assert len(legacy) > 100
    for name in legacy:
        for translation in (f"Lea &{name} primero.", f"Lea &{name}as primero."):
            assert_flagged(run(markup, entry("Read this first.", translation)), "E102", f"HTML entity '&{name}'")


def test_only_w_and_W_match_w_ignoring_case():
    """The "www." trigger is looked for only in a text with "w" or "W": no other character may
    match the case-blind pattern."""
    import re

    w = re.compile("w", re.IGNORECASE)
    assert [c for c in map(chr, range(0x110000)) if w.fullmatch(c)] == ["W", "w"]
