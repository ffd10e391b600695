"""The project's one compiled module, the term matcher's word scanner (pipeline/termbase/_words.c).

Everything else about the package is in pyproject.toml. The module is optional: where no C
compiler is found the install still succeeds and the matcher uses the same scanner in Python
(`matching._scan_python`), slower.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("pipeline.termbase._words", ["pipeline/termbase/_words.c"], optional=True)])
