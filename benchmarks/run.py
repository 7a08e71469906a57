"""The benchmark: careerfolio's builds against plain MkDocs, Material's blog and the cost of parsing alone.

Run it with `make bench` (or `make bench QUICK=1` for small sizes). For each
size it generates the same synthetic career three ways (benchmarks/generate.py),
then times, interleaved and repeated, every build as a fresh subprocess:

  (a) plain MkDocs + Material, every file a page outside the nav: the baseline
  (b) careerfolio's public build      (c) careerfolio's private build
  (d) Material's blog plugin with the entries as posts
  (e) careerfolio's core alone (read, load, validate, plan and render pages)
      against its floor: read each file and parse its front matter, C loader
  (r) plain MkDocs rendering nothing (benchmarks/stub_hooks.py): the least a
      full build, and so a plain `mkdocs serve` rebuild, costs MkDocs itself
  (s) `mkdocs serve`: time from saving one journal entry until the rebuilt
      page with the change is served, against a full build

It reports medians, peak memory per build (each child's own maxrss), ratios
and the targets, as Markdown in benchmarks/results/latest.md and as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engines import zensical_command
from generate import DEFAULT_SEED, TODAY, Career, Variant, generate_career

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=dt.UTC).timestamp()))
BUILD_TIMEOUT = 1800  # seconds; a build that takes longer is reported as failed
SERVE_TIMEOUT = 900

BUILDS: dict[str, tuple[str, Variant, dict[str, str]]] = {
    "a": ("plain MkDocs + Material (baseline)", "mkdocs", {}),
    "b": ("careerfolio, public build", "careerfolio", {"CAREERFOLIO_AUDIENCE": "public"}),
    "c": ("careerfolio, private build", "careerfolio", {"CAREERFOLIO_AUDIENCE": "private"}),
    "d": ("Material blog plugin", "blog", {}),
    "p": ("careerfolio under ProperDocs, public build", "careerfolio", {"CAREERFOLIO_AUDIENCE": "public"}),
    "x": ("careerfolio export + ProperDocs", "careerfolio", {}),
    "z": ("careerfolio export + Zensical", "careerfolio", {}),
    "r": ("plain MkDocs rendering nothing", "mkdocs", {}),
}
# The configuration case (r) is built from, written beside the plain career's mkdocs.yml.
STUBBED_CONFIG = "mkdocs-stubbed.yml"
_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass
class Run:
    """One timed subprocess."""

    seconds: float
    max_rss_mb: float
    ok: bool
    cpu_seconds: float = 0.0  # user + system time of the child, steadier than wall time on a shared machine
    inner_seconds: float | None = None  # what the child measured itself, without interpreter start-up
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Measurement:
    """Repeated runs of one case at one size."""

    case: str
    label: str
    n: int
    runs: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.ok for r in self.runs)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def inner_seconds(self) -> float | None:
        inner = [r.inner_seconds for r in self.runs if r.inner_seconds is not None]
        return statistics.median(inner) if len(inner) == len(self.runs) else None

    @property
    def max_rss_mb(self) -> float:
        return max(r.max_rss_mb for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CAREERFOLIO_AUDIENCE"}
    env.update({"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1"})
    env.update(extra or {})
    return env


def run_child(args: list[str], cwd: Path, env: dict[str, str], log: Path) -> tuple[float, float, float, int, str]:
    """Run one command; wall seconds, CPU seconds, its own peak RSS in MB, exit status and output.

    os.wait4 returns the resource usage of exactly this child, so peak memory
    is per build (RUSAGE_CHILDREN would carry the largest child seen so far).
    """
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + BUILD_TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, proc.returncode, log.read_text(encoding="utf-8", errors="replace")


def time_build(case: str, career: Career, work: Path) -> Run:
    """One `mkdocs build` of a generated site, as a fresh process."""
    _, _, env = BUILDS[case]
    log = work / f"{case}-{career.entries}.log"
    args = [sys.executable, "-m", "properdocs" if case == "p" else "mkdocs", "build"]
    if case == "r":
        args += ["--config-file", str(write_stubbed_config(career))]
    elif case in EXPORTED:
        args = export_then_build(EXPORTED[case]())
    seconds, cpu, rss, status, output = run_child(args, career.root, child_env(env), log)
    built = None if case in EXPORTED else _BUILT_IN.search(output)  # an export case times two commands
    if status != 0:
        print(f"    ({case}) failed with status {status}; last lines of {log}:\n{_tail(output)}", file=sys.stderr)
    return Run(seconds, rss, status == 0, cpu, float(built.group(1)) if built else None)


# Engines that build careerfolio's export rather than run the plugin: how each is started.
EXPORTED = {
    "x": lambda: [sys.executable, "-m", "properdocs", "build"],
    "z": lambda: [str(zensical_command()), "build", "--clean"],
}


def export_then_build(engine: list[str]) -> list[str]:
    """One shell command: a fresh public export, then the engine's build of it, timed together as a user runs them."""
    careerfolio = Path(sys.executable).parent / "careerfolio"
    out = "build/careerfolio-public"
    build = shlex.join([*engine, "-f", f"{out}/mkdocs.yml"])
    return ["sh", "-c", f"rm -rf {out} && {shlex.quote(str(careerfolio))} export --out {out} && {build}"]


def generate_apart(root: Path, n: int, seed: int, variant: Variant) -> Career:
    """generate_career in a fresh process of its own, so that this one stays small.

    The kernel counts a child's peak memory from what its parent held when it
    was started: careers made in this process's memory would show as the peak
    of every small build measured after them.
    """
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(generate_career, root, n, seed, variant).result()


def write_stubbed_config(career: Career) -> Path:
    """The plain MkDocs career's configuration with the hooks and template that skip all rendering (case r)."""
    config = yaml.safe_load((career.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(HERE / "stub_hooks.py")]
    config["theme"] = {**config["theme"], "custom_dir": str(HERE / "stub_theme")}
    path = career.root / STUBBED_CONFIG
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def time_core(mode: str, career: Career, work: Path) -> Run:
    """One run of benchmarks/core.py (the core, or the floor) as a fresh process."""
    log = work / f"{mode}-{career.entries}.log"
    args = [sys.executable, str(HERE / "core.py"), mode, str(career.docs_dir)]
    seconds, cpu, rss, status, output = run_child(args, career.root, child_env(), log)
    try:
        detail = json.loads(output.strip().splitlines()[-1])
    except (ValueError, IndexError):
        detail = {}
    if status != 0 or not detail:
        print(f"    ({mode}) failed with status {status}:\n{_tail(output)}", file=sys.stderr)
    return Run(seconds, rss, status == 0 and bool(detail), cpu, detail.get("seconds"), detail)


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


# -- mkdocs serve --------------------------------------------------------------------


@dataclass
class ServeResult:
    n: int
    mode: str  # "serve" or "serve --dirty"
    first_build_seconds: float
    page: str  # what was polled for the change
    rebuild_seconds: list[float]
    dashboard: bool
    ok: bool
    note: str = ""
    site: str = "careerfolio"  # or "plain MkDocs": the reference, the same files without careerfolio

    @property
    def median(self) -> float:
        return statistics.median(self.rebuild_seconds) if self.rebuild_seconds else float("nan")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # loopback only
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def _page_url(src: str) -> str:
    return src.removesuffix(".md") + "/"


def _wait_for(marker: str, pages: dict[str, str], saved: float, proc: subprocess.Popen[bytes], timeout: float) -> dict[str, float]:
    """Seconds from `saved` until each page shows `marker`; once the entry's page has it, the others get a grace period."""
    seen: dict[str, float] = {}
    while len(seen) < len(pages):
        now = time.perf_counter() - saved
        if proc.poll() is not None or now > timeout or ("entry" in seen and now > 2 * seen["entry"] + 10):
            break
        for name, url in pages.items():
            if name not in seen and marker in (_fetch(url) or ""):
                seen[name] = time.perf_counter() - saved
        time.sleep(0.1)  # each request takes the server's interpreter lock from the build a moment
    return seen


def measure_serve(career: Career, work: Path, edits: int, dirty: bool, timeout: float = SERVE_TIMEOUT) -> ServeResult:
    """Start `mkdocs serve` on loopback, edit the newest entry `edits` times, time each change until it is served."""
    mode = "serve --dirty" if dirty else "serve"
    site = "careerfolio" if career.variant == "careerfolio" else "plain MkDocs"
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    target = next(p for p in reversed(career.entry_paths) if b"\ntitle: " in (career.docs_dir / p).read_bytes())
    original = (career.docs_dir / target).read_bytes()
    log = work / f"serve-{career.variant}-{'dirty-' if dirty else ''}{career.entries}.log"
    args = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    out = log.open("wb")
    start = time.perf_counter()
    # MkDocs serves from a temporary folder; one inside `work` cannot outlive the benchmark, even if the server is killed.
    scratch = Path(tempfile.mkdtemp(prefix="serve-", dir=work))
    proc = subprocess.Popen(args, cwd=career.root, env=child_env({"TMPDIR": str(scratch)}), stdout=out, stderr=subprocess.STDOUT)
    result = ServeResult(career.entries, mode, float("nan"), "", [], False, False, site=site)
    try:
        entry_url = base + _page_url(target)
        while _fetch(entry_url) is None:
            if proc.poll() is not None or time.perf_counter() - start > timeout:
                result.note = "the server did not come up"
                return result
            time.sleep(0.1)
        result.first_build_seconds = time.perf_counter() - start
        # The watcher starts after the first build; wait until MkDocs says it is watching.
        while b"Watching paths for changes" not in log.read_bytes() and proc.poll() is None:
            time.sleep(0.1)
        time.sleep(2.0)  # the polling observer's first snapshot of every file
        # The dashboard is what the target is about; the entry's own page is timed too, and used
        # when there is no dashboard or it does not show the entry's title.
        pages = {"entry": entry_url}
        if _fetch(base + "dashboard/") is not None:
            result.dashboard = True
            pages |= {"dashboard/": base + "dashboard/", "dashboard/data.json": base + "dashboard/data.json"}
        seen: dict[str, float] = {}
        for edit in range(edits):
            marker = f"Benchmark marker {edit} {time.time_ns()}"
            changed = re.sub(rb"\ntitle: [^\n]*", f"\ntitle: {marker}".encode(), original, count=1)
            saved = time.perf_counter()
            (career.docs_dir / target).write_bytes(changed)
            seen = _wait_for(marker, pages, saved, proc, timeout)
            if "entry" not in seen:
                result.note = "the change never appeared"
                return result
            shown = [name for name in ("dashboard/", "dashboard/data.json") if name in seen]
            result.page = (
                shown[0]
                if shown
                else (
                    "the entry's page (the dashboard does not show its title)"
                    if result.dashboard
                    else "the entry's page (no dashboard yet)"
                )
            )
            result.rebuild_seconds.append(seen[shown[0]] if shown else seen["entry"])
            time.sleep(1.0)  # let the live-reload loop settle before the next save
        result.ok = True
        return result
    finally:
        # SIGINT is MkDocs' own way to stop serving. The entry is restored afterwards, so that
        # no rebuild is under way when the signal arrives.
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        (career.docs_dir / target).write_bytes(original)
        out.close()
        shutil.rmtree(scratch, ignore_errors=True)


# -- report --------------------------------------------------------------------------


def _fmt_s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _verdict(ok: bool | None, measured: str = "", low: float | None = None) -> str:
    if ok is None:
        return "n/a"
    if ok:
        return "pass"
    # A linear-cost target missed from below means fixed costs (start-up, theme files) weigh more at the small size.
    if low is not None and measured.endswith("×") and measured[:-1].replace(".", "", 1).isdigit() and float(measured[:-1]) < low:
        return "**fail** (below: sublinear)"
    return "**fail**"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; columns after the first two are right-aligned figures."""
    align = ["---" if i < 1 else "---:" for i in range(len(header))]
    return ["| " + " | ".join(row) + " |" for row in (header, align, *rows)]


def _ratio(value: float, base: Measurement | None, attr: str) -> str:
    return f"{value / getattr(base, attr):.2f}×" if base is not None and base.ok and getattr(base, attr) else ""


def build_report(
    builds: dict[tuple[str, int], Measurement],
    cores: dict[tuple[str, int], Measurement],
    serve: list[ServeResult],
    meta: dict[str, Any],
) -> tuple[str, dict[str, Any]]:
    """The Markdown report and its JSON twin."""
    lines = [
        f"# careerfolio benchmark, {meta['date']}",
        "",
        f"{meta['machine']}; Python {meta['python']}, MkDocs {meta['mkdocs']}, Material {meta['material']}, "
        f"PyYAML {meta['pyyaml']} ({'C loader' if meta['libyaml'] else 'no C loader'}); "
        f"median of {meta['repeat']} interleaved runs ({meta.get('core_repeat', meta['repeat'])} for the core); "
        f"seed {meta['seed']}; total {meta['total_minutes']:.1f} min.",
        "",
        "## Builds (`mkdocs build`, fresh process each)",
        "",
    ]
    rows = []
    for case, n in sorted(builds, key=lambda key: (key[1], key[0])):
        m, base = builds[(case, n)], builds.get(("a", n))
        head = [f"({case}) {m.label}", str(n), str(meta["files"].get(f"{case}-{n}", ""))]
        if not m.ok:
            rows.append([*head, "failed", "", "", "", "", "", "", ""])
            continue
        rows.append(
            [
                *head,
                f"{m.seconds:.2f}",
                _fmt_s(m.inner_seconds),
                f"{m.cpu_seconds:.2f}",
                f"{1000 * m.seconds / n:.1f}",
                f"{m.max_rss_mb:.0f}",
                _ratio(m.seconds, base, "seconds"),
                _ratio(m.cpu_seconds, base, "cpu_seconds"),
                _ratio(m.max_rss_mb, base, "max_rss_mb"),
            ]
        )
    header = [
        "case",
        "N",
        "files",
        "wall s",
        "MkDocs' own s",
        "CPU s",
        "ms per entry",
        "peak MB",
        "time vs (a)",
        "CPU vs (a)",
        "memory vs (a)",
    ]
    lines += _table(header, rows)
    if cores:
        rows = []
        for n in sorted({n for _, n in cores}):
            core, floor = cores[("core", n)], cores[("floor", n)]
            if core.inner_seconds is None or floor.inner_seconds is None or not (core.ok and floor.ok):
                rows.append([str(n), "failed", "", "", "", "", ""])
                continue
            stages = " / ".join(f"{statistics.median(r.detail[k] for r in core.runs):.2f}" for k in ("read", "load", "build"))
            per_file = 1e6 * core.inner_seconds / core.runs[0].detail.get("files", n)
            rows.append(
                [
                    str(n),
                    f"{core.inner_seconds:.2f}",
                    stages,
                    f"{floor.inner_seconds:.2f}",
                    f"{core.inner_seconds / floor.inner_seconds:.2f}×",
                    f"{per_file:.0f}",
                    f"{core.max_rss_mb:.0f} / {floor.max_rss_mb:.0f}",
                ]
            )
        header = [
            "N",
            "core s",
            "read / load+validate / plan+render s",
            "floor s",
            "core / floor",
            "core µs per file",
            "peak MB core / floor",
        ]
        lines += ["", "## Core alone against the floor (in-process time, imports excluded)", "", *_table(header, rows)]
    if serve:
        rows = [
            [
                f"`mkdocs {s.mode}`" + ("" if s.site == "careerfolio" else f", {s.site} (reference)"),
                str(s.n),
                f"{s.first_build_seconds:.1f}",
                s.page,
                ", ".join(f"{x:.2f}" for x in s.rebuild_seconds) or s.note,
                _fmt_s(s.median),
            ]
            for s in serve
        ]
        header = ["mode", "N", "first build s", "page polled", "rebuild s (each save)", "median s"]
        lines += ["", "## `mkdocs serve`: one journal entry saved until the change is served", "", *_table(header, rows)]

    targets = evaluate_targets(builds, cores, serve)
    rows = [
        [
            t["target"],
            t["limit"],
            t["measured"],
            _verdict(t["ok"], t["measured"], t.get("low")),
            t["cpu"],
            _verdict(t["cpu_ok"], t["cpu"], t.get("low")),
        ]
        for t in targets
    ]
    lines += ["", "## Targets", "", *_table(["target", "limit", "wall time", "result", "CPU time", "result on CPU time"], rows)]
    lines += [
        "",
        "Wall time is what a person waits for, interpreter start-up included; MkDocs' own figure "
        "is the time it logs for `build()`. Linearity is judged on MkDocs' own figure, since the "
        "fixed start-up of a few seconds would otherwise make every build look better than linear.",
        "",
    ]
    data = {
        "meta": meta,
        "builds": [
            {**{k: v for k, v in asdict(m).items() if k != "runs"}, "median_s": m.seconds, "runs": [asdict(r) for r in m.runs]}
            for m in builds.values()
        ],
        "core": [
            {"case": m.case, "n": m.n, "median_inner_s": m.inner_seconds, "runs": [asdict(r) for r in m.runs]} for m in cores.values()
        ],
        "serve": [{**asdict(s), "median_s": s.median} for s in serve],
        "targets": targets,
    }
    return "\n".join(lines), data


def evaluate_targets(
    builds: dict[tuple[str, int], Measurement], cores: dict[tuple[str, int], Measurement], serve: list[ServeResult]
) -> list[dict[str, Any]]:
    """Each target of the performance brief: the wall-time figure it is judged on, and the CPU-time one beside it.

    On a machine shared with other work, wall time swings with the load; CPU
    time (user + system of the child) shows what the build itself costs.
    """
    out: list[dict[str, Any]] = []
    sizes = sorted({n for _, n in builds})
    big = 5000 if 5000 in sizes else (sizes[-1] if sizes else None)

    def have(*cases: tuple[str, int]) -> bool:
        return all(c in builds and builds[c].ok for c in cases)

    def add(target: str, wall: float | None, cpu: float | None, limit: str, low: float, high: float) -> None:
        def judge(value: float | None) -> bool | None:
            return None if value is None else low <= value <= high

        out.append(
            {
                "target": target,
                "measured": "—" if wall is None else f"{wall:.2f}×",
                "cpu": "—" if cpu is None else f"{cpu:.2f}×",
                "limit": limit,
                "ok": judge(wall) if wall is not None else False,
                "cpu_ok": judge(cpu),
                "low": low if high - low < 2 else None,  # a range such as 4.5 – 5.5, not a one-sided limit
            }
        )

    def reference(label: str, wall: float, cpu: float | None) -> None:
        """A row shown beside the targets and judged by nothing."""
        shown_cpu = "—" if cpu is None else f"{cpu:.2f}×"
        row = {"target": label, "measured": f"{wall:.2f}×", "cpu": shown_cpu, "limit": "(none)"}
        out.append({**row, "ok": None, "cpu_ok": None, "low": None})

    def ratio(top: Measurement, bottom: Measurement, attr: str) -> float | None:
        below = float(getattr(bottom, attr))
        return float(getattr(top, attr)) / below if below else None

    inf = float("inf")
    if big is not None:
        for case in ("b", "c"):
            if have((case, big), ("a", big)):
                m, a = builds[(case, big)], builds[("a", big)]
                add(f"({case}) time vs (a), N = {big}", ratio(m, a, "seconds"), ratio(m, a, "cpu_seconds"), "≤ 1.00×", 0, 1.0)
        if have(("c", big), ("d", big)):
            c, d = builds[("c", big)], builds[("d", big)]
            add(f"(c) faster than (d), N = {big}", ratio(d, c, "seconds"), ratio(d, c, "cpu_seconds"), "≥ 5.00×", 5.0, inf)
        for case in ("b", "c"):
            if have((case, big), ("a", big)):
                r = ratio(builds[(case, big)], builds[("a", big)], "max_rss_mb")
                add(f"({case}) peak memory vs (a), N = {big}", r, None, "≤ 1.20×", 0, 1.2)
    core_sizes = sorted({n for _, n in cores})
    if core_sizes:
        n = core_sizes[-1]
        core, floor = cores.get(("core", n)), cores.get(("floor", n))
        if core and floor and core.inner_seconds and floor.inner_seconds:
            cpu = _cpu_ratio(core, floor)
            add(f"(e) core vs floor, N = {n}", core.inner_seconds / floor.inner_seconds, cpu, "≤ 2.00×", 0, 2.0)
    if 1000 in sizes and 5000 in sizes:
        for case in ("b", "c"):
            if have((case, 1000), (case, 5000)):
                big_m, small_m = builds[(case, 5000)], builds[(case, 1000)]
                if big_m.inner_seconds is not None and small_m.inner_seconds is not None:
                    cpu = ratio(big_m, small_m, "cpu_seconds")
                    add(
                        f"({case}) linear: time at 5,000 / at 1,000",
                        big_m.inner_seconds / small_m.inner_seconds,
                        cpu,
                        "4.5× – 5.5×",
                        4.5,
                        5.5,
                    )
        if have(("a", 1000), ("a", 5000)):
            # Not a target: what plain MkDocs itself shows, since its fixed costs are in (b) and (c) too.
            big_a, small_a = builds[("a", 5000)], builds[("a", 1000)]
            if big_a.inner_seconds is not None and small_a.inner_seconds is not None:
                reference(
                    "(a) for reference: plain MkDocs at 5,000 / at 1,000",
                    big_a.inner_seconds / small_a.inner_seconds,
                    big_a.cpu_seconds / small_a.cpu_seconds,
                )
    if 1000 in core_sizes and 5000 in core_sizes:
        small_core, big_core = cores.get(("core", 1000)), cores.get(("core", 5000))
        if small_core and big_core and small_core.inner_seconds and big_core.inner_seconds:
            cpu = _cpu_ratio(big_core, small_core)
            add("(e) linear: core at 5,000 / at 1,000", big_core.inner_seconds / small_core.inner_seconds, cpu, "4.5× – 5.5×", 4.5, 5.5)
    full = builds.get(("c", big)) if big is not None else None
    for s in (s for s in serve if s.site == "careerfolio"):
        target = f"`mkdocs {s.mode}` rebuild vs full private build, N = {s.n}"
        if s.ok and full is not None and full.ok:
            add(target, s.median / full.seconds, None, "≤ 0.10×", 0, 0.1)
        else:
            add(target, None, None, "≤ 0.10×", 0, 0.1)
    _serve_references(serve, builds, reference)
    if serve and full is not None and big is not None and have(("r", big), ("c", big)):
        # Not a target: plain `mkdocs serve` makes a full build after each save, which cannot cost less than this.
        least = builds[("r", big)]
        reference(
            f"(r) for reference: the least a full build costs MkDocs (rendering nothing) vs (c), N = {big}",
            least.seconds / full.seconds,
            least.cpu_seconds / full.cpu_seconds,
        )
    return out


def _serve_references(
    serve: list[ServeResult], builds: dict[tuple[str, int], Measurement], reference: Callable[[str, float, float | None], None]
) -> None:
    """Plain MkDocs' own `serve --dirty` on the same files: its rebuild against its full build, and careerfolio's against it."""
    ours = {s.n: s for s in serve if s.site == "careerfolio" and s.mode == "serve --dirty" and s.ok}
    for plain in (s for s in serve if s.site != "careerfolio" and s.ok):
        baseline = builds.get(("a", plain.n))
        if baseline is not None and baseline.ok:
            label = f"(a) for reference: plain MkDocs' `{plain.mode}` rebuild vs its full build, N = {plain.n}"
            reference(label, plain.median / baseline.seconds, None)
        if plain.n in ours:
            label = f"for reference: careerfolio's `{plain.mode}` rebuild vs plain MkDocs' on the same files, N = {plain.n}"
            reference(label, ours[plain.n].median / plain.median, None)


def _cpu_ratio(top: Measurement, bottom: Measurement) -> float | None:
    """Ratio of the CPU seconds each child measured itself (benchmarks/core.py), without interpreter start-up."""
    medians = []
    for m in (top, bottom):
        cpu = [r.detail.get("cpu") for r in m.runs]
        if not cpu or not all(isinstance(x, float) for x in cpu):
            return None
        medians.append(statistics.median(float(x) for x in cpu if x is not None))
    return medians[0] / medians[1] if medians[1] else None


# -- main ----------------------------------------------------------------------------


def versions() -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "pyyaml": version("pyyaml"),
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
    }


def load_results(
    path: Path,
) -> tuple[dict[tuple[str, int], Measurement], dict[tuple[str, int], Measurement], list[ServeResult], dict[str, Any]]:
    """The measurements of an earlier run, from its latest.json, to report them again."""
    data = json.loads(path.read_text(encoding="utf-8"))
    builds, cores = {}, {}
    for item in data["builds"]:
        builds[(item["case"], item["n"])] = Measurement(item["case"], item["label"], item["n"], [Run(**r) for r in item["runs"]])
    for item in data["core"]:
        cores[(item["case"], item["n"])] = Measurement(item["case"], item["case"], item["n"], [Run(**r) for r in item["runs"]])
    fields = set(ServeResult.__dataclass_fields__)
    serve = [ServeResult(**{k: v for k, v in item.items() if k in fields}) for item in data["serve"]]
    return builds, cores, serve, data["meta"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark careerfolio against plain MkDocs and Material's blog.")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test (N = 100, 300)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], help="entries per build (default 1000,5000)")
    parser.add_argument("--core-sizes", type=lambda s: [int(x) for x in s.split(",")], help="entries for (e) (default 1000,5000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (median reported; at least 3 for a real run)")
    parser.add_argument(
        "--core-repeat",
        type=int,
        default=7,
        help="runs of (e), core and floor (median reported): one at N = 1,000 takes a third of a second, too short for three to settle",
    )
    parser.add_argument("--cases", default="abcdpxzr", help="which builds to time, e.g. 'abc' to skip the blog, the other engines and (r)")
    parser.add_argument("--serve-edits", type=int, default=3, help="saves timed under mkdocs serve (0 skips it)")
    parser.add_argument("--no-dirty", action="store_true", help="skip the `mkdocs serve --dirty` measurement")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work", type=Path, help="where generated sites go (default: a temporary folder, removed afterwards)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where latest.md and latest.json go")
    parser.add_argument("--report", type=Path, metavar="JSON", help="measure nothing; report an earlier run's latest.json again")
    args = parser.parse_args(argv)
    if args.report:
        markdown, _ = build_report(*load_results(args.report))
        print(markdown)
        return 0

    sizes = args.sizes or ([100, 300] if args.quick else [1000, 5000])
    core_sizes = args.core_sizes or ([100, 300, 600] if args.quick else [1000, 5000, 10000])
    serve_n = max(sizes)
    began = time.perf_counter()
    work = args.work or Path(tempfile.mkdtemp(prefix="careerfolio-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    files: dict[str, int] = {}
    builds: dict[tuple[str, int], Measurement] = {}
    cores: dict[tuple[str, int], Measurement] = {}
    serve: list[ServeResult] = []
    try:
        careers: dict[int, dict[Variant, Career]] = {}
        for n in sizes:
            careers[n] = {v: generate_apart(work / f"{v}-{n}", n, args.seed, v) for v in ("careerfolio", "mkdocs", "blog")}
            print(f"N = {n}: generated {', '.join(f'{v} {c.files} files' for v, c in careers[n].items())}", flush=True)
            for case in args.cases:
                label, variant, _ = BUILDS[case]
                builds[(case, n)] = Measurement(case, label, n)
                files[f"{case}-{n}"] = careers[n][variant].files
        for rep in range(args.repeat):
            # Interleaved over cases and sizes, so that a slow minute on a shared machine hits every
            # case and every size alike: the linearity targets compare one size with another.
            for n in sizes:
                for case in args.cases:
                    run = time_build(case, careers[n][BUILDS[case][1]], work)
                    builds[(case, n)].runs.append(run)
                    print(f"  run {rep + 1}/{args.repeat} ({case}) N={n}: {run.seconds:.2f} s, {run.max_rss_mb:.0f} MB", flush=True)
        # The serve measurement edits the careerfolio career of the largest size, and the same files as
        # plain MkDocs pages for `--dirty`'s reference; the others go.
        serve_career = careers[serve_n]["careerfolio"] if args.serve_edits > 0 else None
        plain_career = careers[serve_n]["mkdocs"] if serve_career is not None and not args.no_dirty else None
        for by_variant in careers.values():
            for career in by_variant.values():
                if career not in (serve_career, plain_career):
                    shutil.rmtree(career.root, ignore_errors=True)
        core_careers = {n: generate_apart(work / f"core-{n}", n, args.seed, "careerfolio") for n in core_sizes}
        for n in core_sizes:
            cores[("core", n)], cores[("floor", n)] = Measurement("core", "core", n), Measurement("floor", "floor", n)
        for rep in range(args.core_repeat):
            for n, career in core_careers.items():
                for mode in ("core", "floor"):
                    run = time_core(mode, career, work)
                    cores[(mode, n)].runs.append(run)
                    print(
                        f"  run {rep + 1}/{args.core_repeat} (e) {mode} N={n}: {_fmt_s(run.inner_seconds)} s, {run.max_rss_mb:.0f} MB",
                        flush=True,
                    )
        for career in core_careers.values():
            shutil.rmtree(career.root, ignore_errors=True)
        if serve_career is not None:
            for dirty in (False, True) if not args.no_dirty else (False,):
                result = measure_serve(serve_career, work, args.serve_edits, dirty)
                serve.append(result)
                rebuilds = ", ".join(f"{x:.2f}" for x in result.rebuild_seconds) or result.note
                print(f"  {result.mode} N={serve_n}: first build {result.first_build_seconds:.1f} s, rebuilds {rebuilds} s", flush=True)
            if plain_career is not None:
                # What --dirty costs MkDocs itself on the same files: the least careerfolio's rebuild can take.
                result = measure_serve(plain_career, work, args.serve_edits, dirty=True)
                serve.append(result)
                rebuilds = ", ".join(f"{x:.2f}" for x in result.rebuild_seconds) or result.note
                print(f"  plain MkDocs {result.mode} N={serve_n}: rebuilds {rebuilds} s", flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    meta = {
        **versions(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "repeat": args.repeat,
        "core_repeat": args.core_repeat,
        "seed": args.seed,
        "sizes": sizes,
        "core_sizes": core_sizes,
        "files": files,
        "total_minutes": (time.perf_counter() - began) / 60,
        "load_average": os.getloadavg()[0],
    }
    markdown, data = build_report(builds, cores, serve, meta)
    (args.out / "latest.md").write_text(markdown, encoding="utf-8")
    (args.out / "latest.json").write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    print()
    print(markdown)
    print(f"Written to {args.out / 'latest.md'} and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
