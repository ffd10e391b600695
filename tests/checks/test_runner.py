"""Merging a file's locale-wide findings into its job's encoded array gives exactly the array a
full decode, sort and encode gives."""

from __future__ import annotations

import json

import pytest

from pipeline.checks.encoded import _REPORT_ORDER
from pipeline.checks.encoded import encode_findings as _encode_dicts
from pipeline.checks.encoded import join as _join
from pipeline.checks.encoded import splice as _splice
from pipeline.checks.model import Finding, text_line

FILE = "locales/es/LC_MESSAGES/a.po"


def finding(line: int, code: str, message: str = "m", file: str = FILE, msgctxt: str | None = "c") -> Finding:
    return Finding(file=file, line=line, code=code, name=code.lower(), severity="warning", locale="es",
                   procedure="a", msgctxt=msgctxt, msgid="source", message=message)


def full_merge(job: list[Finding], extra: list[Finding]) -> bytes:
    return _encode_dicts(sorted([f.as_dict() for f in job + extra], key=_REPORT_ORDER))


CASES = [
    # job findings, locale-wide findings
    ([], [finding(3, "W308")]),
    ([finding(5, "W314")], [finding(3, "W308")]),
    ([finding(3, "W314")], [finding(3, "W308")]),  # same line: by code
    ([finding(3, "E201"), finding(3, "W314")], [finding(3, "W308")]),  # between two on its line
    ([finding(2, "W314"), finding(9, "W314")], [finding(12, "W308"), finding(1, "W309")]),  # both ends
    ([finding(4, "W314", message='quote " brace {"code":"X","file":"y","line":1,}')], [finding(4, "W308")]),
    ([finding(7, "W314", file='locales/es/LC_MESSAGES/we"ird\\.po')], [finding(2, "W308", file='locales/es/LC_MESSAGES/we"ird\\.po')]),
    ([finding(6, "W314", msgctxt=None), finding(8, "E102", message="ü ✓ 中文")], [finding(7, "W308"), finding(7, "W309")]),
    ([finding(4, "W304", message="source changed: was «a\nb», now «a\r\nc»")], [finding(5, "W308", message="x\ny")]),
]


def lines(array: bytes) -> bytes:
    return "".join(map(text_line, json.loads(array))).encode("utf-8")


@pytest.mark.parametrize("job,extra", CASES, ids=[str(i) for i in range(len(CASES))])
def test_a_spliced_array_is_the_fully_merged_one(job, extra):
    array = _encode_dicts([f.as_dict() for f in sorted(job)])
    expected = full_merge(job, extra)
    dicts = sorted((f.as_dict() for f in extra), key=_REPORT_ORDER)
    assert _splice(array, dicts) == (expected, b"")
    assert _splice(array, dicts, lines(array)) == (expected, lines(expected))
    assert _join([(array, b""), extra], text=False) == (expected, b"")
    assert _join([(array, lines(array)), extra], text=True) == (expected, lines(expected))


def test_text_lines_of_another_count_are_not_spliced():
    job = [finding(2, "W314"), finding(5, "W314")]
    array = _encode_dicts([f.as_dict() for f in job])
    dicts = [finding(3, "W308").as_dict()]
    assert _splice(array, dicts, lines(array)[:-1]) is None  # no final line break
    assert _splice(array, dicts, b"  one line\n") is None
    expected = full_merge(job, [finding(3, "W308")])
    assert _join([(array, b"  one line\n"), [finding(3, "W308")]], text=True) == (expected, lines(expected))


@pytest.mark.parametrize("array", [b'[{"file":"x","code":"W314","line":1}]', b"[1,2]", b'{"code":"W314"}'],
                         ids=["keys-unsorted", "not-findings", "not-an-array"])
def test_an_array_of_another_shape_is_not_spliced(array):
    assert _splice(array, [finding(1, "W308").as_dict()]) is None


def test_the_same_line_and_code_in_both_is_left_to_the_full_order():
    job = [finding(3, "W308", message="b")]
    array = _encode_dicts([f.as_dict() for f in job])
    assert _splice(array, [finding(3, "W308", message="a").as_dict()]) is None
    assert _join([(array, b""), [finding(3, "W308", message="a")]], text=False)[0] == \
        full_merge(job, [finding(3, "W308", message="a")])


def test_a_cold_run_loads_the_dictionaries_before_any_job_and_a_warm_run_does_not(content_root, tmp_path,
                                                                                  monkeypatch):
    import threading

    from pipeline.checks import speller
    from pipeline.checks.rules import spelling
    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    if speller.installed() == "none":
        pytest.skip("pyenchant is not installed")
    threads: list[str] = []

    def spy(posix, original=spelling.preload):
        threads.append(threading.current_thread().name)
        return original(posix)

    monkeypatch.setattr(spelling, "preload", spy)
    cache = tmp_path / "cache"
    run_checks(Project(content_root), execution=Execution(cache_dir=cache, jobs=1))
    assert threads and threads[0] == "warm-up"  # before the first job, beside the run's preparation
    threads.clear()
    run_checks(Project(content_root), execution=Execution(cache_dir=cache, jobs=1))
    assert "warm-up" not in threads  # every result came from the cache: nothing to warm up


def test_the_warm_up_thread_only_loads_what_needs_no_interpreter(content_root, tmp_path):
    """The thread exists to load dictionaries in C while the main thread prepares the run: Babel's
    locale data, read in Python, would only wait for the interpreter there and hold up the fork,
    so a cold run reads it on the main thread. (In a process of its own: Babel keeps what it read.)"""
    import subprocess
    import sys

    script = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "import babel.localedata\n"
        "from pipeline.checks.runner import Execution, run_checks\n"
        "from pipeline.project import Project\n"
        "loaded = []\n"
        "def spy(*args, original=babel.localedata.load, **kwargs):\n"
        "    loaded.append(threading.current_thread().name)\n"
        "    return original(*args, **kwargs)\n"
        "babel.localedata.load = spy\n"
        "run_checks(Project(Path(sys.argv[1])), execution=Execution(cache_dir=Path(sys.argv[2]), jobs=1))\n"
        "print(sorted(set(loaded)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(content_root), str(tmp_path / "cache")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['MainThread']"


def test_a_cold_check_opens_the_dictionaries_before_importing_the_checks(content_root, tmp_path):
    """`pipeline check` without stored results starts opening the spelling dictionaries (in C,
    without the interpreter) before it imports the checks' modules, so the two overlap; with
    results stored it opens none ahead. (In a process of its own: the modules stay imported.)"""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pipeline.checks import speller\n"
        "from pipeline.cli import main\n"
        "seen = []\n"
        "def spy(posix, original=speller.preload):\n"
        "    seen.append('pipeline.checks.registry' in sys.modules)\n"
        "    return original(posix)\n"
        "speller.preload = spy\n"
        "try:\n"
        "    main(['--root', sys.argv[1], 'check', '--jobs', '1', '--format', 'json', '--output', sys.argv[2]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen[0] if seen else None)\n"
    )
    def run() -> str:
        done = subprocess.run([sys.executable, "-c", script, str(content_root), str(tmp_path / "f.json")],
                              capture_output=True, text=True)
        assert "Traceback" not in done.stderr, done.stderr
        return done.stdout.strip().splitlines()[-1]

    assert run() == "False"  # cold: the first dictionary was asked for before the checks were imported
    assert run() in ("True", "None")  # warm: none ahead (the warm-up, if any, comes after the imports)


def test_a_failing_warm_up_costs_only_the_head_start(content_root, tmp_path, monkeypatch, capfd):
    import threading

    from pipeline.checks.rules import spelling
    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    def broken(ctx):
        raise RuntimeError("dictionary broken")

    monkeypatch.setattr(spelling, "warm_up", broken)
    expected = run_checks(Project(content_root), execution=Execution(jobs=1))
    capfd.readouterr()
    monkeypatch.undo()
    monkeypatch.setattr(spelling, "warm_up", broken)
    escaped: list[BaseException | None] = []  # what would reach the terminal as a thread's traceback
    monkeypatch.setattr(threading, "excepthook", lambda args: escaped.append(args.exc_value))
    result = run_checks(Project(content_root), execution=Execution(cache_dir=tmp_path / "cache", jobs=1))
    assert result == expected
    assert escaped == [] and "Traceback" not in capfd.readouterr().err


def test_the_run_gives_back_the_interpreter_switch_interval(content_root, tmp_path, monkeypatch):
    import sys

    from pipeline.checks.rules import spelling
    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    before = sys.getswitchinterval()
    run_checks(Project(content_root), execution=Execution(cache_dir=tmp_path / "cache", jobs=1))
    assert sys.getswitchinterval() == before

    def broken(info):
        raise RuntimeError("dictionary broken")

    monkeypatch.setattr(spelling, "warm_up", broken)
    run_checks(Project(content_root), execution=Execution(cache_dir=tmp_path / "other", jobs=1))
    assert sys.getswitchinterval() == before


def test_the_installed_dictionaries_are_listed_once(monkeypatch):
    from pipeline.checks import speller

    enchant = speller._enchant()
    if enchant is None:
        pytest.skip("pyenchant is not installed")
    calls: list[int] = []
    real = enchant.list_languages
    monkeypatch.setattr(enchant, "list_languages", lambda: calls.append(1) or real())
    speller._listed.cache_clear()
    speller.dictionary_tag.cache_clear()
    try:
        for posix in ("es", "vi", "ar", "zh_Hans", "es_MX"):
            speller.dictionary_tag(posix, posix.split("_")[0])
        assert len(calls) == 1
    finally:
        speller._listed.cache_clear()
        speller.dictionary_tag.cache_clear()


def job(posix: str, pid: str) -> tuple[str, str, str, str]:
    return (posix, pid, f"{posix or 'source'}/{pid}", f"/x/{posix or 'source'}/{pid}")


# jobs in the run's order (procedures a to d; "es:a b" the es catalogs of a and b, a bare "a b"
# their source jobs), workers -> the order the workers' stretches take them in
BY_WORKER = [
    ("a b c d, es:a b c d, vi:a b c d", 1, "a b c d, es:a b c d, vi:a b c d"),
    ("a b c d, es:a b c d, vi:a b c d", 2, "a b, es:a b, vi:a b, c d, es:c d, vi:c d"),
    ("a b c d, es:a b c d", 3, "a b, es:a b, c, es:c, d, es:d"),
    ("a b c d, es:a b c d", 5, "a, es:a, b, es:b, c, es:c, d, es:d"),  # more workers than procedures
    ("c d, es:a b c d", 2, "es:a b, c d, es:c d"),  # source jobs a and b already run ahead
    ("es:b d", 2, "es:b d"),  # a warm run's two changed catalogs: both in the first run
]


def _parse_jobs(text: str) -> list[tuple[str, str, str, str]]:
    jobs = []
    for group in text.split(", "):
        posix, _, pids = group.rpartition(":")
        jobs += [job(posix, pid) for pid in pids.split()]
    return jobs


@pytest.mark.parametrize("jobs,workers,expected", BY_WORKER)
def test_each_worker_takes_a_run_of_procedures_with_all_their_jobs(jobs, workers, expected):
    from pipeline.checks.runner import _by_worker

    assert _by_worker(_parse_jobs(jobs), ("a", "b", "c", "d"), workers) == _parse_jobs(expected)


def test_a_cold_run_gives_each_worker_its_procedures_catalogs(content_root, monkeypatch):
    """A worker's catalogs are those of the procedures whose source it checks: whatever a source
    text was found to hold is worked out once, not once per worker."""
    from contextlib import contextmanager

    from pipeline import parallel
    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    dealt: list[list[tuple[str, str, str, str]]] = []

    @contextmanager
    def in_process(function, items, jobs=None, chunk=8):
        dealt.append(list(items))
        yield ((index, function(item)) for index, item in enumerate(items))

    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "spread", in_process)
    expected = run_checks(Project(content_root), execution=Execution(jobs=1))
    assert run_checks(Project(content_root), execution=Execution(jobs=2)) == expected
    items = dealt[-1]
    first, second = items[:len(items) // 2], items[len(items) // 2:]
    assert {pid for _, pid, _, _ in first}.isdisjoint({pid for _, pid, _, _ in second}), items


def test_checking_leaves_nothing_only_the_cycle_collector_could_free(content_root):
    """Check workers run without the cycle collector (pipeline/parallel.py): a check that made
    reference cycles would make a worker's memory grow with the library."""
    import gc

    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    run_checks(Project(content_root), execution=Execution(jobs=1))  # imports done, memos filled
    gc.collect()
    gc.disable()
    try:
        run_checks(Project(content_root), execution=Execution(jobs=1))
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_run_does_not_stop_to_collect_cycles(content_root):
    """A run makes no reference cycles (the test above) and keeps what it builds (the termbase, its
    indexes, the memos) to its end: the cycle collector would only walk it again and again, in the
    process that prepares the run before any worker starts. It is off for the run and as before after."""
    import gc

    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    starts: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            starts.append(info["generation"])

    project, execution = Project(content_root), Execution(jobs=1)
    thresholds = gc.get_threshold()
    gc.set_threshold(100)  # any run allocates more
    gc.callbacks.append(count)
    try:
        run_checks(project, execution=execution)
        assert starts == [] and gc.isenabled()
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*thresholds)


def test_a_cold_run_compiles_the_negation_patterns_once_before_its_workers_fork(content_root, tmp_path,
                                                                                 monkeypatch):
    """Each worker would compile the negation and pair patterns it meets (E207, E210): a run that
    forks workers compiles them all before, and the workers share them. A run in one process
    compiles only those it meets."""
    from contextlib import contextmanager

    from pipeline import parallel
    from pipeline.checks.runner import Execution, run_checks
    from pipeline.project import Project

    compiled: list[set[str]] = []

    @contextmanager
    def forking(function, items, jobs=None, chunk=8):
        # what the workers would inherit: the patterns compiled when the pool starts
        compiled.append({f"{markers.language} {name}" for markers in project.negation.languages.values()
                         for name in vars(markers)["_compiled"]})
        yield ((index, function(item)) for index, item in enumerate(items))

    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    monkeypatch.setattr(parallel, "spread", forking)
    project = Project(content_root)
    languages = {"en", *(info.posix for info in project.locales)}
    run_checks(project, execution=Execution(cache_dir=tmp_path / "cache", jobs=2))
    every = {f"{markers.language} {name}" for markers in project.negation.languages.values()
             if markers.language in languages
             for name in ("markers", *(f"{pair}:{part}" for pair in markers.pair_patterns for part in ("first", "words")))}
    assert compiled[-1] == every

    project = Project(content_root)
    run_checks(project, execution=Execution(cache_dir=tmp_path / "other", jobs=1))
    assert compiled[-1] != every  # one process: nothing compiled ahead
