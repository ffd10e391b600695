"""The project's compiled modules: the term matcher's inner loops (pipeline/termbase/_words.c),
the live PO reader's fast path (pipeline/catalog/_live.c), the bounds of a text's number of sentences
(pipeline/checks/_sentences.c), and the YAML reader's tree builder
(pipeline/_yaml_tree.c, on libyaml: Debian's libyaml-dev).

Everything else about the package is in pyproject.toml. The modules are optional: where no C
compiler is found the install still succeeds and the same code in Python stands in for them
(`matching._scan_python` and `_collect_python`, `po_reader._live_entries`, `text._sentence_bounds_python`,
`yamlio._Tree`), slower.
"""

from setuptools import Extension, setup

# Python's own flags build with -O2; the modules' scanning loops read a character through a switch
# on the text's character width, which -O3 (its loop unswitching) takes out of the loop: the live
# PO reader reads the catalogs of a mid-size library in two thirds of the time.
_MODULES = [("pipeline.termbase._words", "pipeline/termbase/_words.c", []),
            ("pipeline.catalog._live", "pipeline/catalog/_live.c", []),
            ("pipeline.checks._sentences", "pipeline/checks/_sentences.c", []),
            ("pipeline._yaml_tree", "pipeline/_yaml_tree.c", ["yaml"])]

setup(ext_modules=[Extension(name, [source], libraries=libraries, optional=True, extra_compile_args=["-O3"])
                   for name, source, libraries in _MODULES])
