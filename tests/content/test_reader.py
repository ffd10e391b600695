"""Every malformed procedure file is refused with file:line:column, the field and what to do."""

from __future__ import annotations

from itertools import combinations

import pytest

from pipeline.content.reader import parse_procedure
from pipeline.errors import InputError

PLACEHOLDERS = frozenset({"clinic_name", "clinic_phone"})

GOOD = """\
id: demo
title: Demo procedure
summary: A short summary.
sections:
  - id: overview
    title: What is it?
    blocks:
      - id: what
        paragraph: It is a demo.
      - id: steps
        list:
          - id: first
            text: The first step.
          - id: second
            text: "Call {clinic_name}."
            note: A placeholder.
      - id: work
        question: When can I work?
        answer: After 2–4 weeks.
"""


def bad(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


CASES = [
    # name, document, line, column, message fragment
    ("items not a list", bad("        list:\n          - id: first\n            text: The first step.\n"
                             "          - id: second\n            text: \"Call {clinic_name}.\"\n"
                             "            note: A placeholder.\n", "        list: oops\n"),
     11, 15, "sections[0].blocks[1].list: expected a list of items"),
    ("unknown field", bad("    title: What is it?\n", "    title: What is it?\n    colour: red\n"),
     7, 5, "sections[0]: unknown field 'colour'"),
    ("missing field", bad("summary: A short summary.\n", ""), 1, 1, "missing field 'summary'"),
    ("empty string", bad("paragraph: It is a demo.", "paragraph: ''"), 9, 20,
     "sections[0].blocks[0].paragraph: empty string"),
    ("leading space", bad("paragraph: It is a demo.", "paragraph: ' It is a demo.'"), 9, 20,
     "leading or trailing white space"),
    ("line break inside", bad("paragraph: It is a demo.", "paragraph: |-\n          It is a demo.\n"
                                                              "          It is short."), 9, 20,
     "line break inside the text"),
    ("bad id", bad("- id: overview", "- id: Over View"), 5, 9, "'Over View' is not a valid id"),
    ("duplicate section id", GOOD + "  - id: overview\n    title: Again\n    blocks:\n"
     "      - id: x\n        paragraph: Text.\n", 20, 9, "duplicate section id 'overview'"),
    ("duplicate item id", bad("- id: second", "- id: first"), 14, 17, "duplicate item id 'first'"),
    ("two kinds in one block", bad("        paragraph: It is a demo.\n",
                                   "        paragraph: It is a demo.\n        question: Why?\n"),
     8, 9, "exactly one of"),
    ("reserved block id", bad("- id: what", "- id: title"), 8, 13, "reserved"),
    ("duplicate key", bad("title: Demo procedure\n", "title: Demo procedure\ntitle: Again\n"), 3, 1,
     "duplicate key"),
    ("python object tag", bad("summary: A short summary.", "summary: !!python/object:os.system ls"),
     3, 10, "tag"),
    ("custom tag", bad("summary: A short summary.", "summary: !shout A short summary."), 3, 10, "tag"),
    ("anchor and alias", bad("summary: A short summary.", "summary: &s A short summary.\nextra: *s"),
     3, 10, "anchors"),
    ("unknown placeholder", bad("It is a demo.", "Call {surgeon}."), 9, 20, "unknown placeholder {surgeon}"),
    # a brace that is not part of a placeholder reaches the patient as written, in every language
    ("placeholder left open", bad("It is a demo.", "Call {clinic_phone now."), 9, 20,
     "'{' outside a placeholder"),
    ("placeholder with a space", bad("It is a demo.", "Call {clinic phone}."), 9, 20,
     "'{' outside a placeholder"),
    ("placeholder in double braces", bad("It is a demo.", "Call {{clinic_phone}}."), 9, 20,
     "'{' outside a placeholder"),
    ("closing brace alone", bad("The first step.", "The first step}."), 13, 19,
     "'}' outside a placeholder"),
    ("brace in a title", bad("title: Demo procedure", "title: Demo {procedure"), 2, 8,
     "'{' outside a placeholder"),
    ("syntax error", bad("title: Demo procedure", "title: [Demo"), 3, 8, "invalid YAML"),
    ("unknown lifecycle", bad("id: demo\n", "id: demo\nstatus: paused\n"), 2, 9, "status"),
    ("rename to nothing", bad("id: demo\n", "id: demo\nrenamed_from: {later.what: before.what}\n"), 2, 28,
     "no message context is or starts with 'later.what'"),
    ("rename of a live id", bad("id: demo\n", "id: demo\nrenamed_from: {overview.what: overview.work}\n"), 2, 31,
     "'overview.work' still exists"),
    ("rename not a context", bad("id: demo\n", "id: demo\nrenamed_from: {overview.what: Old What}\n"), 2, 31,
     "renamed_from"),
]


@pytest.mark.parametrize("name,document,line,column,message", CASES, ids=[c[0] for c in CASES])
def test_bad_procedure_is_refused_precisely(name, document, line, column, message):
    with pytest.raises(InputError) as caught:
        parse_procedure("source/procedures/demo.yaml", document.encode(), PLACEHOLDERS)
    error = caught.value
    assert (error.location.file, error.location.line, error.location.column) == \
        ("source/procedures/demo.yaml", line, column), str(error)
    assert message in error.message


# Plain texts YAML 1.1 reads as a boolean or a number are the text as written, in every field that
# holds a text, as they are in a list item's text: a FAQ answer "No" is not false.
AS_WRITTEN = [
    # old, new, context, text
    ("answer: After 2–4 weeks.", "answer: No", "overview.work.answer", "No"),
    ("question: When can I work?", "question: Yes", "overview.work.question", "Yes"),
    ("title: Demo procedure", "title: 2024", "title", "2024"),
    ("paragraph: It is a demo.", "paragraph: 1.50", "overview.what", "1.50"),
    ("paragraph: It is a demo.", "paragraph: {text: Off, note: The switch.}", "overview.what", "Off"),
]


@pytest.mark.parametrize("old,new,context,text", AS_WRITTEN, ids=[row[1] for row in AS_WRITTEN])
def test_a_text_that_yaml_reads_as_a_value_is_read_as_written(old, new, context, text):
    procedure = parse_procedure("demo.yaml", bad(old, new).encode(), PLACEHOLDERS)
    assert {m.context: m.text.value for m in procedure.messages()}[context] == text


def test_alias_bomb_is_refused_before_expansion():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    with pytest.raises(InputError, match="anchors"):
        parse_procedure("bomb.yaml", bomb.encode(), PLACEHOLDERS)


def test_non_utf8_bytes_are_refused_with_position():
    with pytest.raises(InputError) as caught:
        data = GOOD.replace("demo.", "d\N{LATIN SMALL LETTER E WITH ACUTE}mo.").encode("utf-8")
        parse_procedure("x.yaml", data.replace("é".encode(), b"\xe9"), PLACEHOLDERS)
    assert (caught.value.location.line, caught.value.location.column) == (9, 29)
    assert "UTF-8" in caught.value.message


def test_file_name_must_match_id():
    with pytest.raises(InputError, match="does not match the file name"):
        parse_procedure("x.yaml", GOOD.encode(), PLACEHOLDERS, expected_id="other")


def test_messages_have_stable_contexts_lines_and_notes():
    procedure = parse_procedure("demo.yaml", GOOD.encode(), PLACEHOLDERS)
    got = [(m.context, m.text.line, m.text.note) for m in procedure.messages()]
    assert got == [
        ("title", 2, None), ("summary", 3, None), ("overview.title", 6, None),
        ("overview.what", 9, None), ("overview.steps.first", 13, None),
        ("overview.steps.second", 15, "A placeholder."),
        ("overview.work.question", 18, None), ("overview.work.answer", 19, None),
    ]


@pytest.mark.parametrize("declared,status", [("", "active"), ("status: draft\n", "draft"),
                                             ("status: active\n", "active"), ("status: retired\n", "retired")])
def test_lifecycle_is_declared_in_the_content_and_active_by_default(declared, status):
    procedure = parse_procedure("demo.yaml", GOOD.replace("id: demo\n", "id: demo\n" + declared).encode(),
                                PLACEHOLDERS)
    assert procedure.status == status


@pytest.mark.parametrize("context,old", [
    ("overview.what", "overview.what-it-is"),  # the declared block
    ("overview.title", "intro.title"),  # under the declared section
    ("overview.steps.first", "intro.steps.first"),
    ("title", None),
])
def test_declared_renames_map_each_context_to_its_old_one(context, old):
    document = GOOD.replace("id: demo\n", "id: demo\nrenamed_from:\n  overview: intro\n"
                            "  overview.what: overview.what-it-is\n")
    procedure = parse_procedure("demo.yaml", document.encode(), PLACEHOLDERS)
    assert procedure.old_context(context) == old


BLOCK_KINDS = {"paragraph": "paragraph: Text.", "list": "list:\n          - {id: a, text: Item.}",
               "question": "question: Why?", "answer": "answer: Because."}
ONE_KIND = [{"paragraph"}, {"list"}, {"question", "answer"}]


@pytest.mark.parametrize("kinds", [set(c) for r in range(5) for c in combinations(BLOCK_KINDS, r)],
                         ids=lambda kinds: "+".join(sorted(kinds)) or "none")
def test_a_block_has_exactly_one_kind(kinds):
    """The schema's rule, checked by the compiled validator and by jsonschema alike."""
    block = "      - id: extra\n" + "".join(f"        {BLOCK_KINDS[k]}\n" for k in sorted(kinds))
    document = GOOD + block
    if kinds in ONE_KIND:
        parse_procedure("demo.yaml", document.encode(), PLACEHOLDERS)
    else:
        with pytest.raises(InputError) as caught:
            parse_procedure("demo.yaml", document.encode(), PLACEHOLDERS)
        assert caught.value.location.line == GOOD.count("\n") + 1
        assert "exactly one of: paragraph, list, or question and answer" in caught.value.message


@pytest.mark.parametrize("written,text", [("yes", "yes"), ("off", "off"), ("1.0", "1.0"), ("12", "12")])
def test_a_plain_scalar_yaml_reads_as_another_type_is_the_text_written(written, text):
    procedure = parse_procedure("demo.yaml", bad("text: The first step.", f"text: {written}").encode(), PLACEHOLDERS)
    assert [m.text.value for m in procedure.messages() if m.context.endswith("steps.first")] == [text]
