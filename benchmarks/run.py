"""The benchmark suite (``make bench``; not part of ``make test``): every figure of the performance issue.

``python benchmarks/run.py [--scales 0.01,0.1,1] [--only cold,gui,memory,documents,imports] [--profile-scale 0.1]``

* Cold start: process start -> first paint of the main window (signed in, on a generated site database), as a
  ratio to a bare PySide6 window with a tab widget started the same way in the same run (fresh processes,
  interleaved, after one warm-up each: the file cache is warm, the processes cold). Target <= 1.5x.
* GUI actions on the generated database (benchmarks/generate_site.py, at each scale): opening each tab, filtering
  the subject list, moving the calendar to another month, a subject's checklist and timeline, switching trials,
  each timed until the Qt event loop is idle again, with the longest UI-thread block. Target < 100 ms each.
  Every SQL statement is recorded, and EXPLAIN QUERY PLAN run on each at the largest scale.
* Memory: VmRSS after all four tabs were opened, as a ratio to the bare window's.
* Documents: visit packet, consent form, a day's packets for 30 subjects, beside a plain reportlab document of
  the same page count (warm medians and first builds in fresh processes); a visit packet on each generated
  database. Targets: < 0.3 s and <= 2x the floor.
* Imports: 30,000 x scale screening rows and 200,000 x scale lab rows on a fresh database.

Prints the tables, writes benchmarks/results.json (with the machine: CPU, cores, Python, Qt) and
benchmarks/RESULTS.md (the tables in Markdown, for the README's performance section).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_site  # noqa: E402

RESULTS = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
TARGET_ACTION_MS = 100
TARGET_COLD_RATIO = 1.5
ALL_PARTS = ("cold", "gui", "documents", "imports")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the machine ------------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    import PySide6
    import reportlab
    import sqlalchemy
    from PySide6.QtCore import qVersion

    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlalchemy": sqlalchemy.__version__,
        "sqlite": sqlite3.sqlite_version,
        "reportlab": reportlab.Version,
        "qpa_platform": "offscreen",
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


# -- child processes --------------------------------------------------------------------------------------------


def child_env(config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),  # fresh settings: the window opens on Overview, as on a first start
        LANG="en_US.UTF-8",
        PYTHONUNBUFFERED="1",
    )
    env.pop("LC_ALL", None)
    return env


def run_child(command: list[str], timeout: float, memory_limit_gib: float | None = None) -> dict[str, Any]:
    """Run ``command`` with a fresh settings folder; its ``RESULT`` line, or what went wrong. ``memory_limit_gib``
    caps its address space (a runaway import fails instead of pushing the machine into swap)."""

    def limit() -> None:
        if memory_limit_gib is not None:
            import resource

            size = int(memory_limit_gib * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    with tempfile.TemporaryDirectory(prefix="coordinator-bench-config-") as config:
        env = child_env(Path(config))
        env["BENCH_T0"] = repr(time.clock_gettime(time.CLOCK_MONOTONIC))
        try:
            completed = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, env=env, preexec_fn=limit
            )
        except subprocess.TimeoutExpired as expired:
            return {"error": f"time limit of {timeout:.0f} s reached", "stderr": _tail(expired.stderr)}
    for line in completed.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
            result["stderr_tail"] = _tail(completed.stderr, 6)
            return result
    return {"error": f"exit code {completed.returncode}, no result", "stderr": _tail(completed.stderr)}


def _tail(text: str | bytes | None, lines: int = 20) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return "\n".join(text.strip().splitlines()[-lines:])


def harness(
    mode: str, database: Path | None, timeout: float, *extra: str, python_flags: tuple[str, ...] = ()
) -> dict[str, Any]:
    command = [sys.executable, *python_flags, str(HERE / "gui_harness.py"), mode]
    if database is not None:
        command += [
            "--database",
            generate_site.sqlite_url(database),
            "--user",
            generate_site.COORDINATOR,
            "--password",
            generate_site.PASSWORD,
        ]
    return run_child(command + list(extra), timeout)


# -- cold start -------------------------------------------------------------------------------------------------


def cold_start(scale: float, database: Path, repeats: int, timeout: float) -> dict[str, Any]:
    floors: list[dict[str, Any]] = []
    apps: list[dict[str, Any]] = []
    harness("floor", None, timeout)  # warm-up: the file cache, as on a desktop where the app ran before
    warm = harness("cold", database, timeout)
    if "error" in warm:
        return {"error": warm["error"], "stderr": warm.get("stderr", "")}
    for _ in range(repeats):
        floors.append(harness("floor", None, timeout))
        apps.append(harness("cold", database, timeout))
    apps = [a for a in apps if "first_paint_ms" in a]
    floors = [f for f in floors if "first_paint_ms" in f]
    floor_ms = statistics.median(f["first_paint_ms"] for f in floors)
    app_ms = statistics.median(a["first_paint_ms"] for a in apps)
    marks: dict[str, float] = {}
    for name in apps[0]["marks_ms"]:
        marks[name] = statistics.median(a["marks_ms"][name] for a in apps if name in a["marks_ms"])
    floor_marks = {name: statistics.median(f["marks_ms"][name] for f in floors) for name in floors[0]["marks_ms"]}
    return {
        "scale": scale,
        "repeats": len(apps),
        "floor_ms": round(floor_ms, 1),
        "app_ms": round(app_ms, 1),
        "ratio": round(app_ms / floor_ms, 2),
        "ready_ms": round(statistics.median(a["ready_ms"] for a in apps), 1),
        "after_paint_ms": after_paint(marks),
        "app_runs_ms": [a["first_paint_ms"] for a in apps],
        "floor_runs_ms": [f["first_paint_ms"] for f in floors],
        "app_marks_ms": marks,
        "floor_marks_ms": floor_marks,
        "phases_ms": phases(marks),
        "heavy_modules_at_first_paint": apps[0]["heavy_modules_at_first_paint"],
        "modules_at_first_paint": apps[0]["modules_at_first_paint"],
        "floor_modules_at_first_paint": floors[0]["modules_at_first_paint"],
        "floor_rss_kib": statistics.median(f["memory_kib"]["at_first_paint"]["VmRSS"] for f in floors),
        "app_rss_at_first_paint_kib": statistics.median(a["memory_kib"]["at_first_paint"]["VmRSS"] for a in apps),
    }


def phases(marks: dict[str, float]) -> dict[str, float]:
    order = [
        ("interpreter start", "process ready"),
        ("PySide6 + command line", "cli imported"),
        ("import coordinator_app.app (the window's modules)", "app imported"),
        ("create_application", "QApplication created"),
        ("MainWindow()", "main window built"),
        ("show -> first paint", "first paint"),
    ]
    result = {}
    previous = 0.0
    for label, mark in order:
        if mark in marks:
            result[label] = round(marks[mark] - previous, 1)
            previous = marks[mark]
    return result


def after_paint(marks: dict[str, float]) -> dict[str, float]:
    """Where the time goes from the first paint to the signed-in window showing its first tab."""
    order = [
        ("open the database (SQLAlchemy, models, services, migrations checked)", "workspace opened"),
        ("sign in (Argon2id)", "signed in"),
        ("begin the session: trials, the first tab", "session begun"),
        ("-> painted", "ready"),
    ]
    result = {}
    previous = marks["first paint"]
    for label, mark in order:
        if mark in marks:
            result[label] = round(marks[mark] - previous, 1)
            previous = marks[mark]
    return result


def import_profile(database: Path, timeout: float) -> list[dict[str, Any]]:
    """``-X importtime`` of one cold start: the packages that cost the most to import (cumulative, top level)."""
    with tempfile.TemporaryDirectory(prefix="coordinator-bench-config-") as config:
        env = child_env(Path(config))
        env["BENCH_T0"] = repr(time.clock_gettime(time.CLOCK_MONOTONIC))
        command = [
            sys.executable,
            "-X",
            "importtime",
            str(HERE / "gui_harness.py"),
            "cold",
            "--database",
            generate_site.sqlite_url(database),
            "--user",
            generate_site.COORDINATOR,
            "--password",
            generate_site.PASSWORD,
        ]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    by_package: dict[str, int] = defaultdict(int)
    by_module: list[tuple[int, str]] = []
    pattern = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")
    for line in completed.stderr.splitlines():
        match = pattern.match(line)
        if not match:
            continue
        self_us, cumulative_us, module = int(match[1]), int(match[2]), match[4]
        top = module.split(".")[0]
        if module.startswith("coordinator_app."):
            top = ".".join(module.split(".")[:3])
        elif module.startswith("PySide6."):
            top = ".".join(module.split(".")[:2])
        by_package[top] += self_us
        by_module.append((cumulative_us, module))
    packages = sorted(by_package.items(), key=lambda kv: -kv[1])[:20]
    return [{"package": name, "self_ms": round(us / 1000, 1)} for name, us in packages]


# -- GUI actions ------------------------------------------------------------------------------------------------


def read_through(path: Path) -> None:
    """Read the file once, so that the OS holds it in its file cache, as it does on a desktop that has had the site's
    database open all day (after other work, e.g. the imports' gigabytes, a 650 MB file may have left it, and the
    first run would measure the disk)."""
    with path.open("rb") as file:
        while file.read(1 << 24):
            pass


def gui_actions(
    scale: float, database: Path, timeout: float, cap: float, profile: bool, runs: int = 1
) -> dict[str, Any]:
    """The actions in ``runs`` fresh processes (the first records the SQL): each action's time and block are the
    median of the runs, with every run's kept (a shared VM's neighbours move single runs by a third)."""
    read_through(database)
    extra = ["--cap", str(cap)]
    if profile:
        extra += ["--profile", "--no-sql"]
    result = harness("tabs", database, timeout, *extra)
    others = [harness("tabs", database, timeout, *extra, "--no-sql") for _ in range(runs - 1)]
    for action in result.get("actions", []):
        if "ms" not in action:
            continue
        same = [action] + [a for other in others for a in other.get("actions", []) if a["name"] == action["name"]]
        for key in ("ms", "max_block_ms"):
            action[f"runs_{key}"] = [a[key] for a in same if key in a]
            action[key] = statistics.median(action[f"runs_{key}"])
    result["runs"] = 1 + len(others)
    result["scale"] = scale
    return result


# -- imports ------------------------------------------------------------------------------------------------------


def imports(scale: float, timeout: float, memory_limit_gib: float) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "bench_imports.py"), "--scale", str(scale)]
    result = run_child(command, timeout, memory_limit_gib)
    if "error" in result:  # what finished before the limit, from the progress lines on stderr
        for line in result.get("stderr", "").splitlines():
            for part in ("screening", "labs"):
                if line.startswith(f"{part}: "):
                    import ast

                    result[part] = ast.literal_eval(line[len(part) + 2 :])
    return result


# -- the tables -----------------------------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list[Any]]) -> tuple[str, str]:
    """(plain text, Markdown) of the same table."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    plain = [" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    plain.append("-+-".join("-" * w for w in widths))
    plain += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    markdown = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    markdown += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
    return "\n".join(plain), "\n".join(markdown)


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def ms(value: Any) -> str:
    if value is None:
        return "—"
    if value >= 10_000:
        return f"{value / 1000:.1f} s"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def render(results: dict[str, Any]) -> tuple[str, str]:
    plain: list[str] = []
    markdown: list[str] = []

    def section(title: str, headers: list[str], rows: list[list[Any]], note: str = "") -> None:
        text, md = table(headers, rows)
        plain.extend([f"\n== {title}", text] + ([note] if note else []))
        markdown.extend([f"\n#### {title}\n", md] + ([f"\n{note}"] if note else []))

    m = results["machine"]
    header = (
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, {m['os']}; Python {m['python']}, "
        f"PySide6 {m['pyside6']} (Qt {m['qt']}, offscreen), SQLAlchemy {m['sqlalchemy']}, SQLite {m['sqlite']}, "
        f"reportlab {m['reportlab']}; {m['date']}"
    )
    load = results.get("load_average")
    if load:
        header += "; load average (1, 5, 15 min) " + ", ".join(f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in load.items())
    plain.append(header)
    markdown.append(header)

    sites = results.get("sites", {})
    if sites:
        rows = []
        for scale, meta in sites.items():
            r = meta["rows"]
            rows.append(
                [
                    f"{float(scale):g}×",
                    r["trials"],
                    r["subjects"],
                    meta["largest_trial"]["subjects"],
                    r["visits"],
                    r["lab_results"],
                    r["adverse_events"],
                    r["audit_log"],
                    r["subject_facts"],
                    f"{meta['bytes'] / 1e6:.0f} MB",
                    f"{meta['seconds']} s" + (" (cached)" if meta.get("reused") else ""),
                ]
            )
        section(
            "Generated site databases (benchmarks/generate_site.py)",
            [
                "scale",
                "trials",
                "subjects",
                "in largest trial",
                "visits",
                "lab results",
                "AEs",
                "audit rows",
                "facts",
                "file",
                "generated in",
            ],
            rows,
        )

    cold = results.get("cold_start", {})
    if cold:
        rows = []
        for scale, c in cold.items():
            if "error" in c:
                rows.append([f"{float(scale):g}×", "error", c["error"], "", "", ""])
                continue
            p = c["phases_ms"]
            rows.append(
                [
                    f"{float(scale):g}×",
                    ms(c["floor_ms"]),
                    ms(c["app_ms"]),
                    f"{c['ratio']:.1f}×" + (" ✗" if c["ratio"] > TARGET_COLD_RATIO else " ✓"),
                    " · ".join(f"{k} {ms(v)}" for k, v in p.items()),
                    c["modules_at_first_paint"],
                ]
            )
        section(
            "Cold start to the first painted main window (ms; median of fresh processes after a warm-up)",
            ["scale", "bare Qt floor", "app", "ratio (≤1.5×)", "where the app's time goes (ms)", "modules loaded"],
            rows,
            "Heavy modules already imported at the first paint: "
            + (", ".join(next(iter(cold.values())).get("heavy_modules_at_first_paint", [])) or "none")
            + ". The window is painted before the database is opened; the sign-in dialog then appears over it.",
        )
        rows = [
            [
                f"{float(scale):g}×",
                ms(c["ready_ms"]),
                " · ".join(f"{k} {ms(v)}" for k, v in c["after_paint_ms"].items()),
            ]
            for scale, c in cold.items()
            if "ready_ms" in c
        ]
        section(
            "From the start to the signed-in window showing its first tab (ms; the sign-in done by the harness "
            "through the service, so without the user's typing)",
            ["scale", "ready", "after the first paint (ms)"],
            rows,
        )
    profile = results.get("import_profile")
    if profile:
        section(
            "Import time by package (-X importtime, self time summed, one cold start)",
            ["package", "ms"],
            [[p["package"], p["self_ms"]] for p in profile[:15]],
        )

    gui = results.get("gui", {})
    if gui:
        scales = list(gui)
        names: list[str] = []
        for g in gui.values():
            for a in g.get("actions", []):
                if "ms" in a and a["name"] not in names:
                    names.append(a["name"])
        rows = []
        startup = ["session begun to the first tab painted (signed in)"]
        for scale in scales:
            marks = gui[scale].get("marks_ms", {})
            if "ready" in marks and "signed in" in marks:
                startup.append(ms(marks["ready"] - marks["signed in"]))
            else:
                startup.append(gui[scale].get("error", "—"))
        rows.append(startup)
        for name in names:
            row = [name]
            for scale in scales:
                action = next((a for a in gui[scale].get("actions", []) if a["name"] == name), None)
                if action is None:
                    row.append("not run")
                    continue
                flag = " ✗" if action["ms"] > TARGET_ACTION_MS or action["max_block_ms"] > TARGET_ACTION_MS else ""
                sql = f", {action['sql_statements']} SQL" if action.get("sql_statements") else ""
                slowest = max(action.get("runs_ms", [action["ms"]]))
                spread = f" (≤{ms(slowest)})" if len(action.get("runs_ms", [])) > 1 else ""
                row.append(f"{ms(action['ms'])}{spread} / {ms(action['max_block_ms'])}{sql}{flag}")
            rows.append(row)
        section(
            "GUI actions on the generated site (ms until the event loop is idle, median of the runs (slowest run) / "
            "longest UI-thread block, median; target < 100)",
            ["action", *(f"{float(s):g}× ({gui[s].get('trial', '?')})" for s in scales)],
            rows,
            f"✗ = a median over 100 ms. {next(iter(gui.values())).get('runs', 1)} runs per scale, each a fresh "
            "process (the first records the SQL); tabs are switched with QTabWidget.setCurrentIndex, the "
            "search typed with QLineEdit.setText, the month moved with "
            "QCalendarWidget.showNextMonth/showPreviousMonth.",
        )
        rows = []
        cold_by_scale = results.get("cold_start", {})
        for scale in scales:
            memory = gui[scale].get("memory_kib", {})
            after = memory.get("after_all_tabs", {}).get("VmRSS")
            floor = cold_by_scale.get(scale, {}).get("floor_rss_kib") or results.get("floor_rss_kib")
            if after and floor:
                rows.append(
                    [
                        f"{float(scale):g}×",
                        mib(floor),
                        mib(memory["at_ready"]["VmRSS"]),
                        mib(after),
                        mib(memory.get("at_end", {}).get("VmHWM", 0)),
                        f"{after / floor:.1f}×",
                    ]
                )
        if rows:
            section(
                "Memory (MiB, VmRSS)",
                [
                    "scale",
                    "bare Qt floor",
                    "app signed in, first tab",
                    "app after all 4 tabs",
                    "app peak (VmHWM)",
                    "ratio",
                ],
                rows,
            )

    documents = results.get("documents", {})
    if documents:
        rows = []
        for d in documents.get("rows", []) + documents.get("on_site", []):
            single = not d["document"].startswith("day's packets")  # the 0.3 s target is for one document
            bad = (single and d["seconds"] > 0.3) or d["ratio"] > 2
            if "scale" in d:
                d = {**d, "document": f"{d['document']} on the {d['scale']:g}× site"}
            rows.append(
                [
                    d["document"],
                    d["pages"],
                    f"{d['seconds']:.3f}",
                    f"{d['floor_seconds']:.3f}",
                    f"{d['ratio']:.2f}×" + (" ✗" if bad else " ✓"),
                ]
            )
        section(
            "Documents (s; warm: median after a warm-up; first build: median of fresh processes)",
            ["document", "pages", "seconds", "floor (plain reportlab, same pages)", "ratio (≤2×, < 0.3 s)"],
            rows,
            "A day's packets is a batch: the 0.3 s target is for one document; its ratio still applies.",
        )

    imported = results.get("imports", {})
    if imported:
        rows = []
        for scale, i in imported.items():
            if "error" in i and "screening" not in i:
                rows.append([f"{float(scale):g}×", i["error"], "", "", "", ""])
                continue
            s, lab = i.get("screening", {}), i.get("labs", {})
            rows.append(
                [
                    f"{float(scale):g}×",
                    f"{s.get('rows', '—')} in {s.get('seconds', '—')} s ({s.get('rows_per_s', '—')}/s)",
                    f"{lab.get('rows', '—')} in {lab.get('seconds', '—')} s ({lab.get('rows_per_s', '—')}/s)"
                    if lab
                    else i.get("error", "not run"),
                    f"{max(s.get('peak_rss_mib', 0), lab.get('peak_rss_mib', 0))}",
                    i.get("audit_rows_written", "—"),
                    f"{i.get('database_mb', '—')} MB",
                ]
            )
        section(
            "Imports on a fresh database",
            ["scale", "screening log rows", "lab rows", "peak RSS MiB", "audit rows written", "database"],
            rows,
        )

    explain = results.get("explain")
    if explain:
        rows = []
        for e in explain["statements"]:
            if not (e["scans"] or e["temp_btrees"]):
                continue
            rows.append(
                [
                    e["count"],
                    ms(e["ms"]),
                    "; ".join(e["scans"] + e["temp_btrees"]),
                    e["sql"][:150],
                    ", ".join(e["actions"])[:80],
                ]
            )
        section(
            f"EXPLAIN QUERY PLAN at scale {explain['scale']:g}: statements with a scan or a temporary B-tree",
            ["runs", "total ms", "plan", "statement", "actions"],
            rows,
        )
    return "\n".join(plain), "\n".join(markdown)


# -- main -------------------------------------------------------------------------------------------------------


def compile_the_app() -> None:
    """Compile the app's modules to bytecode, as pip and the installer do: an editable checkout run with
    PYTHONDONTWRITEBYTECODE (as on this project's machines) would otherwise compile every module from source in
    every measured process, which no installed app does."""
    import compileall

    if not compileall.compile_dir(str(HERE.parent / "coordinator_app"), quiet=1):
        raise SystemExit("coordinator_app does not compile")


def main() -> int:
    parser = argparse.ArgumentParser(description="Trial Coordinator benchmark suite")
    parser.add_argument("--scales", default="0.01,0.1,1", help="site sizes to run (1 = the issue's sizes)")
    parser.add_argument("--only", default=",".join(ALL_PARTS), help=f"parts to run: {', '.join(ALL_PARTS)}")
    parser.add_argument("--import-scales", default="", help="scales for the imports (default: --scales)")
    parser.add_argument("--cold-repeats", type=int, default=5)
    parser.add_argument("--gui-timeout", type=float, default=3600, help="seconds one GUI process may take")
    parser.add_argument("--gui-cap", type=float, default=1800, help="no new GUI action is started after this")
    parser.add_argument("--gui-runs", type=int, default=3, help="fresh processes per scale for the GUI actions")
    parser.add_argument("--import-timeout", type=float, default=1800)
    parser.add_argument("--import-memory-gib", type=float, default=14, help="address-space cap of an import process")
    parser.add_argument("--profile-scale", type=float, default=None, help="also cProfile every action at this scale")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--merge", action="store_true", help="keep the other parts' results from --output")
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",") if s]
    import_scales = [float(s) for s in args.import_scales.split(",") if s] or scales
    parts = {p.strip() for p in args.only.split(",")}

    results: dict[str, Any] = {}
    if args.merge and args.output.exists():
        results = json.loads(args.output.read_text())
    results.update(machine=machine(), scales=sorted(set(results.get("scales", [])) | set(scales)))
    load = results.setdefault("load_average", {})  # other work on the machine makes the timings noisy: say how much
    started = time.perf_counter()

    def loaded(part: str) -> None:
        load[part] = [round(x, 2) for x in os.getloadavg()]

    def save() -> None:
        results["seconds"] = round(time.perf_counter() - started, 1)
        args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str))

    compile_the_app()
    databases: dict[float, Path] = {}
    if parts & {"cold", "gui", "documents"}:
        results["sites"] = {}
        for scale in scales:
            path, meta = generate_site.site_database(scale, log=log)
            databases[scale] = path
            results["sites"][str(scale)] = meta
        save()

    if "cold" in parts:
        loaded("cold start: before")
        results["cold_start"] = {}
        for scale in scales:
            log(f"cold start, scale {scale:g} ...")
            repeats = args.cold_repeats if scale < 1 else max(3, args.cold_repeats // 2)
            results["cold_start"][str(scale)] = cold_start(scale, databases[scale], repeats, args.gui_timeout)
            measured = results["cold_start"][str(scale)]
            log(f"  {measured.get('app_ms')} ms vs {measured.get('floor_ms')} ms")
            save()
        log("import profile ...")
        results["import_profile"] = import_profile(databases[scales[0]], args.gui_timeout)
        save()

    if "gui" in parts:
        loaded("gui: before")
        results["gui"] = {}
        for scale in scales:
            log(f"GUI actions, scale {scale:g} ...")
            result = gui_actions(
                scale, databases[scale], args.gui_timeout, args.gui_cap, profile=False, runs=args.gui_runs
            )
            explain = result.pop("explain", None)
            results["gui"][str(scale)] = result
            if explain is not None and scale == max(scales):
                results["explain"] = {"scale": scale, "statements": explain}
            elif explain is not None:
                results.setdefault("explain_smaller", {})[str(scale)] = explain
            log(f"  {result.get('error', 'done')}")
            save()
        if args.profile_scale is not None:
            log(f"GUI actions under cProfile, scale {args.profile_scale:g} ...")
            path, _ = generate_site.site_database(args.profile_scale, log=log)
            profiled = gui_actions(args.profile_scale, path, args.gui_timeout, args.gui_cap, profile=True)
            results["profiles"] = {
                "scale": args.profile_scale,
                "actions": profiled.get("profiles", {}),
                "error": profiled.get("error"),
            }
            save()

    if "documents" in parts:
        import bench_documents

        loaded("documents: before")
        log("documents ...")
        rows = bench_documents.warm(log=log)
        pages = {"visit": rows[0]["pages"]}
        consent = next((r for r in rows if r["document"].startswith("consent")), None)
        if consent is not None:
            pages["consent"] = consent["pages"]
        rows += bench_documents.first_builds(pages, log=log)
        on_site = []
        for scale in scales:
            on_site.append({**bench_documents.packet_on_site(databases[scale]), "scale": scale})
            log(f"  {on_site[-1]}")
        results["documents"] = {"rows": rows, "on_site": on_site}
        save()

    if "imports" in parts:
        loaded("imports: before")
        results["imports"] = {}
        for scale in import_scales:
            log(f"imports, scale {scale:g} ...")
            results["imports"][str(scale)] = imports(scale, args.import_timeout, args.import_memory_gib)
            log(f"  {results['imports'][str(scale)]}")
            save()

    loaded("end")
    plain, markdown = render(results)
    print(plain)
    save()
    markdown_file = RESULTS_MD if args.output == RESULTS else args.output.with_suffix(".md")
    markdown_file.write_text(
        "# Benchmark results\n\nWritten by `make bench` (benchmarks/run.py); the numbers behind the README's "
        "performance section.\n" + markdown + "\n"
    )
    log(f"\nwrote {args.output} and {markdown_file} in {results['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
