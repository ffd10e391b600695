"""The site's pages from a Site, through Jinja2 with autoescaping: catalog text is never markup.

Pages (paths relative to the site root):
- index.html: the dashboard;
- <bcp47>/<procedure>.html: source and translation side by side, entry by entry, with filters;
- <bcp47>/<procedure>.preview.html: the procedure as a patient sees it (the source has only this);
- static/: the style sheet and the filter script, copied from the package.
"""

from __future__ import annotations

from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from .model import CELL_STATES, ENTRY_STATES, Cell, LocaleRow, Site

STATIC = ("report.css", "report.js")


def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline.site", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(version=__version__, cell_states={k: (label, icon) for k, label, icon in CELL_STATES},
                       entry_states={k: (label, icon) for k, label, icon in ENTRY_STATES})
    env.filters["pct"] = lambda value: f"{value:.1f} %"
    return env


def _entries_page(env: Environment, site: Site, row: LocaleRow, cell: Cell) -> str:
    codes = sorted({c for e in cell.entries for c in e.codes})
    return env.get_template("entries.html").render(
        site=site, row=row, cell=cell, root="../", page_lang="en", page_dir="ltr", codes=codes,
        code_counts={c: sum(1 for e in cell.entries if c in e.codes) for c in codes}, entry_state_order=ENTRY_STATES,
        clean=sum(1 for e in cell.entries if not e.findings))


def _preview_page(env: Environment, site: Site, row: LocaleRow, cell: Cell) -> str:
    return env.get_template("preview.html").render(
        site=site, row=row, cell=cell, doc=cell.preview, root="../", page_lang=row.bcp47, page_dir=row.direction)


def render_site(site: Site) -> dict[str, bytes]:
    """Every file of the site, path -> bytes."""
    env = environment()
    pages = {"index.html": env.get_template("dashboard.html").render(site=site, root="", page_lang="en",
                                                                     page_dir="ltr")}
    for row in site.locales:
        for cell in row.cells:
            if not row.is_source:
                pages[cell.entries_href] = _entries_page(env, site, row, cell)
            pages[cell.preview_href] = _preview_page(env, site, row, cell)
    out = {path: text.encode("utf-8") for path, text in pages.items()}
    static = files("pipeline.site").joinpath("static")
    for name in STATIC:
        out[f"static/{name}"] = static.joinpath(name).read_bytes()
    return out
