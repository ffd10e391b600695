"""The site's bytes: catalog text is never markup, pages are deterministic, the tree is swapped whole."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.site as report_module
from pipeline.cli import main
from pipeline.project import Project
from pipeline.release.bundles import replace_tree as real_replace_tree
from pipeline.site import report
from pipeline.site.highlight import Segment
from pipeline.site.render import environment

from ..conftest import copy_content
from .conftest import HOSTILE, plant

ESCAPED = "&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&#34;window.__pwned=2&#34;&gt;"


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(data: bytes) -> Tags:
    parser = Tags()
    parser.feed(data.decode("utf-8"))
    return parser


@pytest.fixture()
def hostile_site(content_root: Path, tmp_path: Path) -> dict[str, bytes]:
    plant(content_root)
    report(Project(content_root), tmp_path / "site")
    return tree(tmp_path / "site")


@pytest.mark.parametrize("page", ["es/endoscopic-discectomy.html"])
def test_hostile_translation_is_text(hostile_site, page):
    data = hostile_site[page].decode("utf-8")
    assert ESCAPED in data
    assert "<script>window" not in data and "onerror=\"" not in data
    parsed = parse(hostile_site[page])
    assert [attrs for tag, attrs in parsed.tags if tag == "img"] == []
    assert [attrs["src"] for tag, attrs in parsed.tags if tag == "script"] == ["../static/report.js"]
    assert HOSTILE in "".join(parsed.text)


def test_no_page_has_inline_script_handler_or_style(hostile_site):
    for path, data in hostile_site.items():
        if not path.endswith(".html"):
            continue
        for tag, attrs in parse(data).tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert "style" not in attrs and tag != "style", (path, tag)
            if tag == "script":
                assert attrs.get("src", "").endswith("static/report.js"), path


@pytest.mark.parametrize("segment,expected", [
    (Segment("<b>x</b>"), "&lt;b&gt;x&lt;/b&gt;"),
    (Segment("disc", 'x" onmouseover="alert(1)', "approved"),
     '<mark class="term term-approved" title="x&#34; onmouseover=&#34;alert(1)">disc</mark>'),
    (Segment("a & b", "<i>", "deprecated"), '<mark class="term term-deprecated" title="&lt;i&gt;">a &amp; b</mark>'),
])
def test_segments_are_escaped(segment, expected):
    macros = environment().get_template("_macros.html").module
    assert str(macros.segments([segment])) == expected


def test_same_inputs_give_the_same_bytes(content_root: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    project = Project(content_root)
    first = report(project, tmp_path / "one")
    report(Project(content_root), tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert first.files == tuple(sorted(tree(tmp_path / "one")))
    assert b"at 2026-11-18 " in (tmp_path / "one/index.html").read_bytes()


def test_no_timestamp_without_source_date_epoch(content_root: Path, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    report(Project(content_root), tmp_path / "site")
    footer = re.search(rb"<footer.*</footer>", (tmp_path / "site/index.html").read_bytes(), re.S).group(0)
    assert b" at " not in footer and b"sha256:" in footer


def test_a_failed_write_leaves_the_previous_site(content_root: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "site"
    report(Project(content_root), out)
    before = tree(out)
    plant(content_root)
    written = []

    def failing(path: Path, data: bytes) -> None:
        if len(written) == 5:
            raise OSError(28, "No space left on device", str(path))
        written.append(path)

    monkeypatch.setattr(report_module, "replace_tree", lambda o, files: real_replace_tree(o, files, failing))
    with pytest.raises(OSError):
        report(Project(content_root), out)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


PAGES = [
    # page, <html lang> and dir
    ("index.html", "en", "ltr"),
    ("ar/endoscopic-discectomy.html", "en", "ltr"),
    ("ar/endoscopic-discectomy.preview.html", "ar", "rtl"),
    ("zh-Hans/endoscopic-rhizotomy.preview.html", "zh-Hans", "ltr"),
    ("en/endoscopic-rhizotomy.preview.html", "en", "ltr"),
]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> dict[str, bytes]:
    root = copy_content(tmp_path_factory.mktemp("fixture") / "content")
    report(Project(root), root / "site")
    return tree(root / "site")


@pytest.mark.parametrize("page,lang,direction", PAGES)
def test_pages_have_language_landmarks_and_one_h1(fixture_site, page, lang, direction):
    parsed = parse(fixture_site[page])
    tags = [tag for tag, _ in parsed.tags]
    html = dict(parsed.tags)["html"]
    assert (html["lang"], html["dir"]) == (lang, direction)
    assert tags.count("h1") == 1 and {"header", "nav", "main", "footer"} <= set(tags)
    headings = [int(tag[1]) for tag in tags if re.fullmatch(r"h[1-6]", tag)]
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:])), headings
    csp = next(a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp["content"].startswith("default-src 'none'; script-src 'self'")
    assert ("link", {"rel": "icon", "href": "data:,"}) in parsed.tags
    for tag, attrs in parsed.tags:
        if tag == "table":
            assert "caption" in tags
        if tag == "th":
            assert attrs.get("scope") in ("col", "row", "colgroup"), attrs


class Matrix(HTMLParser):
    """The dashboard matrix: its column headers' procedure ids and each row's cells, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[str] = []
        self.rows: dict[str, list[tuple[str | None, str | None]]] = {}
        self._table = self._code = False
        self._row: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = a.get("class") == "matrix"
        elif self._table and tag == "tr" and a.get("data-locale"):
            self._row = a["data-locale"]
            self.rows[self._row] = []
        elif self._table and self._row and tag == "td":
            self.rows[self._row].append((a.get("data-procedure"), a.get("data-state")))
        self._code = self._table and self._row is None and tag == "code"

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = False

    def handle_data(self, data):
        if self._code:
            self.columns.append(data)
            self._code = False


@pytest.fixture(scope="module")
def deleted_site(tmp_path_factory) -> Matrix:
    root = copy_content(tmp_path_factory.mktemp("deleted") / "content")
    assert CliRunner().invoke(main, ["--root", str(root), "build"]).exit_code == 0  # the release record
    (root / "source/procedures/endoscopic-neurotomy.yaml").unlink()  # retires it where it was published
    report(Project(root), root / "site")
    matrix = Matrix()
    matrix.feed((root / "site/index.html").read_text("utf-8"))
    return matrix


@pytest.mark.parametrize("posix,states", [
    # the deleted procedure's column: retired where the release record holds a published version
    ("en", ("published", "retired", "published", "published")),
    ("es", ("published", "retired", "published", "published")),
    ("vi", ("published", "retired", "withheld", "withheld")),
    ("ar", ("withheld", None, "withheld", "withheld")),  # never published: nothing to retire
])
def test_a_deleted_procedure_keeps_every_cell_under_its_own_column(deleted_site, posix, states):
    columns = ("endoscopic-discectomy", "endoscopic-neurotomy", "endoscopic-rhizotomy",
               "microdiscectomy-rehabilitation")
    assert tuple(deleted_site.columns) == columns
    cells = deleted_site.rows[posix]
    assert [pid for pid, _ in cells] == list(columns)
    assert tuple(state for _, state in cells) == states
