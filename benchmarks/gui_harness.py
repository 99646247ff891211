"""The process benchmarks/run.py starts for each GUI measurement (one fresh process each); not run by hand.

``python benchmarks/gui_harness.py MODE [--database URL --user NAME --password PW] [--profile]``

MODE
  floor   a bare PySide6 window (QApplication, QMainWindow, QTabWidget with 4 tabs): the floor no Qt app beats.
  cold    the app as ``coordinator-app`` starts it (the same imports as coordinator_app/cli.py and app.py: the
          display check, create_application, open_workspace, then the main window as run_sessions builds it),
          signed in through the service instead of the sign-in dialog; ends at the main window's first paint.
  tabs    as ``cold``, then, on the running event loop, each action of the issue timed until the event loop is idle
          again, with a 10 ms watchdog timer measuring the longest block of the UI thread, every SQL statement
          recorded (count, time, EXPLAIN QUERY PLAN) and the resident set after all four tabs were opened.

Times are counted from ``BENCH_T0`` (CLOCK_MONOTONIC, set by the parent just before it starts this process), so
interpreter start-up is included, the same way for the floor and the app. The result is one JSON line on stdout
starting with ``RESULT ``.
"""

from __future__ import annotations

import time

_CLOCK = time.CLOCK_MONOTONIC


def now() -> float:
    return time.clock_gettime(_CLOCK)


PROCESS_READY = now()  # the first thing this script does: the interpreter and its site packages are up

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

T0 = float(os.environ.get("BENCH_T0", PROCESS_READY))
HEAVY_MODULES = (
    "reportlab",
    "pypdf",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "alembic",
    "coordinator_app.documents",
    "coordinator_app.gui.safety.chart",
    "coordinator_app.gui.documents.preview",
    "holidays",
    "phonenumbers",
    "pypinyin",
    "keyring",
    "psycopg",
    "sqlcipher3",
    "email_validator",
    "argon2",
)


def since_start(moment: float | None = None) -> float:
    return round(((now() if moment is None else moment) - T0) * 1000, 2)


def rss_kib() -> dict[str, int]:
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123 - pathlib costs an import here
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1])
    return values


def loaded_heavy_modules() -> list[str]:
    return [name for name in HEAVY_MODULES if name in sys.modules]


def emit(result: dict[str, Any]) -> None:
    sys.stdout.write("RESULT " + json.dumps(result, default=str) + "\n")
    sys.stdout.flush()


# -- event-loop instruments ----------------------------------------------------------------------------------


def make_instruments(QObject: Any, QEvent: Any, QTimer: Any) -> tuple[type, type]:  # noqa: N803 - Qt classes
    class FirstPaint(QObject):
        """Notes the first paint event of any widget inside ``window``."""

        def __init__(self, window: Any, on_paint: Callable[[float], None]) -> None:
            super().__init__()
            self._window = window
            self._on_paint = on_paint
            self.done = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                try:
                    inside = obj is self._window or obj.window() is self._window
                except (AttributeError, RuntimeError):
                    inside = False
                if inside:
                    self.done = True
                    self._on_paint(now())
            return False

    class Activity(QObject):
        """Counts events delivered to anything but the harness's own timers (idle detection)."""

        def __init__(self) -> None:
            super().__init__()
            self.ignored: set[int] = set()
            self.count = 0
            self.paints = 0

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if id(obj) not in self.ignored:
                self.count += 1
                if event.type() == QEvent.Type.Paint:
                    self.paints += 1
            return False

    return FirstPaint, Activity


# -- building the app as coordinator-app does ------------------------------------------------------------------


def start_app(
    args: argparse.Namespace,
    marks: dict[str, float],
    on_window: Callable[[Any, Any], None],
    on_signed_in: Callable[[Any], None] | None = None,
) -> tuple[Any, Any, Any]:
    """The app's own start-up path (coordinator_app.cli -> app.run_gui -> run_sessions), minus the sign-in dialog
    and the automatic backups: the command line read, the window made and shown (``show_opening`` returns once it
    is painted), the database opened, the user signed in through the service, the session begun.
    ``on_window(app, window)`` is called just before the window is shown. Returns (app, workspace, window)."""
    from coordinator_app.cli import global_options

    global_options().parse_known_args(["--database", args.database])  # what `coordinator-app` does before run_gui
    marks["cli imported"] = now()
    from coordinator_app.gui.application import collect_less_often

    collect_less_often()
    from coordinator_app.app import open_data
    from coordinator_app.gui.application import create_application, user_settings
    from coordinator_app.gui.display_check import display_problem
    from coordinator_app.gui.language import saved_language
    from coordinator_app.gui.main_window import MainWindow

    marks["app imported"] = now()
    problem = display_problem()
    assert problem is None, problem
    settings = user_settings()
    app = create_application(sys.argv[:1], saved_language(settings))
    marks["QApplication created"] = now()
    window = MainWindow(settings)
    marks["main window built"] = now()
    on_window(app, window)
    window.show_opening()
    marks["show_opening returned"] = now()
    workspace = open_data(args.database, demo=False)
    _ = workspace.database.network_warning  # run_gui checks it (and would show it) before the sign-in
    marks["workspace opened"] = now()
    from coordinator_app.gui.access.idle_lock import IdleLock, idle_interval_ms
    from coordinator_app.services.users import Credentials

    workspace.sign_in(Credentials(args.user, args.password))
    marks["signed in"] = now()
    if on_signed_in is not None:
        on_signed_in(workspace)
    window.begin_session(workspace)
    lock = IdleLock(workspace, window, idle_interval_ms(workspace))
    window.use_idle_lock(lock)
    window._bench_lock = lock  # keep it alive
    marks["session begun"] = now()
    return app, workspace, window


def start_floor(marks: dict[str, float]) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

    marks["PySide6 imported"] = now()
    app = QApplication(sys.argv[:1])
    marks["QApplication created"] = now()
    window = QMainWindow()
    tabs = QTabWidget(window)
    for name in ("Overview", "Eligibility", "Infusion calendar", "Contacts"):
        tabs.addTab(QLabel(name), name)
    window.setCentralWidget(tabs)
    window.resize(1200, 800)
    marks["main window built"] = now()
    return app, window


# -- the timed actions -------------------------------------------------------------------------------------------


class SqlRecorder:
    """Every statement the app runs on its engine, by action: count and time, and one set of parameters to
    EXPLAIN it with."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.action = "start-up"
        self.by_action: dict[str, dict[str, list[Any]]] = {}
        self.examples: dict[str, Any] = {}
        self._started: float = 0.0
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    @staticmethod
    def normal(statement: str) -> str:
        statement = re.sub(r"\s+", " ", statement).strip()
        return re.sub(r"\((?:\?, )+\?\)", "(?, …)", statement)  # IN lists of any length count as one statement

    def _before(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        self._started = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        elapsed = time.perf_counter() - self._started
        key = self.normal(statement)
        entry = self.by_action.setdefault(self.action, {}).setdefault(key, [0, 0.0])
        entry[0] += 1
        entry[1] += elapsed
        if key not in self.examples and not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.examples[key] = (statement, parameters)

    def totals(self, action: str) -> tuple[int, float]:
        entries = self.by_action.get(action, {})
        return sum(e[0] for e in entries.values()), sum(e[1] for e in entries.values())

    def top(self, action: str, limit: int = 5) -> list[dict[str, Any]]:
        entries = sorted(self.by_action.get(action, {}).items(), key=lambda kv: -kv[1][1])[:limit]
        return [{"sql": sql[:300], "count": count, "ms": round(seconds * 1000, 1)} for sql, (count, seconds) in entries]

    def explain(self, database_file: str) -> list[dict[str, Any]]:
        connection = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
        plans = []
        try:
            totals: dict[str, list[Any]] = {}
            for action, entries in self.by_action.items():
                for sql, (count, seconds) in entries.items():
                    total = totals.setdefault(sql, [0, 0.0, []])
                    total[0] += count
                    total[1] += seconds
                    total[2].append(action)
            for sql, (statement, parameters) in self.examples.items():
                try:
                    rows = connection.execute("EXPLAIN QUERY PLAN " + statement, parameters or ()).fetchall()
                except sqlite3.Error as error:
                    rows = [(0, 0, 0, f"(cannot explain: {error})")]
                details = [row[3] for row in rows]
                scans = [d for d in details if d.startswith("SCAN ") and not d.startswith("SCAN CONSTANT")]
                temp = [d for d in details if "TEMP B-TREE" in d]
                count, seconds, actions = totals.get(sql, [0, 0.0, []])
                plans.append(
                    {
                        "sql": sql,
                        "plan": details,
                        "scans": scans,
                        "temp_btrees": temp,
                        "count": count,
                        "ms": round(seconds * 1000, 1),
                        "actions": sorted(set(actions)),
                    }
                )
        finally:
            connection.close()
        return sorted(plans, key=lambda p: -p["ms"])


class Runner:
    """Runs the actions one after another on the event loop, each timed until the loop is idle again."""

    QUIET_MS = 400  # after the queue drains, wait this long for late timers (debounces) before calling it idle
    BUSY_S = 0.005  # a poll this late means the loop did real work in between

    def __init__(self, app: Any, window: Any, sql: SqlRecorder | None, profile: bool, cap_s: float) -> None:
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer

        self.QTimer = QTimer
        self.app = app
        self.window = window
        self.sql = sql
        self.profile = profile
        self.cap_s = cap_s
        self.started = now()
        _, Activity = make_instruments(QObject, QEvent, QTimer)  # noqa: N806 - a class
        self.activity = Activity()
        app.installEventFilter(self.activity)
        self.watchdog = QTimer()
        self.watchdog.setInterval(10)
        self.watchdog.setTimerType(Qt.TimerType.PreciseTimer)
        self.watchdog.timeout.connect(self._tick)
        self.checker = QTimer()
        self.checker.setSingleShot(True)
        self.checker.setInterval(0)
        self.checker.timeout.connect(self._check)
        self.quiet_timer = QTimer()
        self.quiet_timer.setSingleShot(True)
        self.quiet_timer.setInterval(10)
        self.quiet_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.quiet_timer.timeout.connect(self._check)
        self.activity.ignored = {id(self.watchdog), id(self.checker), id(self.quiet_timer)}
        self.last_tick = now()
        self.max_gap = 0.0
        self.results: list[dict[str, Any]] = []
        self.steps: list[tuple[str, Callable[[], Any]]] = []
        self.after: dict[str, Callable[[], None]] = {}
        self.on_done: Callable[[], None] = app.quit
        self.profiles: dict[str, str] = {}

    def _tick(self) -> None:
        moment = now()
        self.max_gap = max(self.max_gap, moment - self.last_tick)
        self.last_tick = moment

    def add(self, name: str, action: Callable[[], Any]) -> None:
        self.steps.append((name, action))

    def start(self) -> None:
        self.watchdog.start()
        self.QTimer.singleShot(50, self._next)

    def _next(self) -> None:
        if not self.steps or now() - self.started > self.cap_s:
            skipped = [name for name, _ in self.steps]
            if skipped:
                self.results.append({"name": "(not run: time cap)", "skipped": skipped})
            self.watchdog.stop()
            self.on_done()
            return
        name, action = self.steps.pop(0)
        self.current = name
        if self.sql is not None:
            self.sql.action = name
        self.last_tick = now()
        self.max_gap = 0.0
        self.activity.count = 0
        self.activity.paints = 0
        profiler = None
        if self.profile:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        self.t0 = now()
        error = ""
        try:
            action()
        except Exception as failure:  # report it and go on with the next action
            error = f"{type(failure).__name__}: {failure}"
        self.t_sync = now()
        if profiler is not None:
            profiler.disable()
            self.profiles[name] = _profile_text(profiler)
        self.error = error
        self.seen = self.activity.count
        self.quiet_since: float | None = None
        self.idle_at = self.t_sync
        self.checker.start()

    def _check(self) -> None:
        """Idle = the posted-event queue drained (no event but the harness's own timers between two zero-time
        checks), then QUIET_MS more without the loop being held up for more than a few ms (late timers, such as a
        debounce, doing real work restart the wait; a blinking caret does not)."""
        moment = now()
        if self.quiet_since is None:
            if self.activity.count != self.seen:  # something ran since the last look: not drained yet
                self.seen = self.activity.count
                self.checker.start()
                return
            self.quiet_since = self.idle_at = self.last_poll = moment
            self.quiet_timer.start()
            return
        if moment - self.last_poll > 0.010 + self.BUSY_S:  # the loop was busy meanwhile: work went on
            self.idle_at = moment
            self.quiet_since = moment
        self.last_poll = moment
        if moment - self.quiet_since < self.QUIET_MS / 1000:
            self.quiet_timer.start()
            return
        self._tick()
        total = self.idle_at - self.t0
        block = max(self.max_gap - 0.010, self.t_sync - self.t0)
        result = {
            "name": self.current,
            "ms": round(total * 1000, 1),
            "sync_ms": round((self.t_sync - self.t0) * 1000, 1),
            "max_block_ms": round(min(block, total) * 1000, 1),
            "paint_events": self.activity.paints,
        }
        if self.error:
            result["error"] = self.error
        if self.sql is not None:
            count, seconds = self.sql.totals(self.current)
            result["sql_statements"] = count
            result["sql_ms"] = round(seconds * 1000, 1)
            result["top_sql"] = self.sql.top(self.current, 3)
        self.results.append(result)
        hook = self.after.pop(self.current, None)
        if hook is not None:
            hook()
        self.QTimer.singleShot(20, self._next)


def _profile_text(profiler: Any) -> str:
    import io
    import pstats

    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(30)
    text = out.getvalue()
    return text[text.find("ncalls") :] if "ncalls" in text else text


def tab_actions(runner: Runner, window: Any, database: str, memory: dict[str, Any]) -> None:
    """The issue's actions, in the order a coordinator would do them. Nothing here touches a tab before its action
    opens it (a tab is built on first use), and the subjects picked for the actions are read from the file on a
    connection of the harness's own, not through the app (which would warm its caches)."""
    trial = window.current_trial()
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        family = connection.execute(
            "SELECT family_name FROM subjects WHERE trial_id = ? GROUP BY family_name ORDER BY count(*) DESC LIMIT 1",
            (trial.id,),
        ).fetchone()
        # A subject in the middle of the treated ones, by number, as the list shows them.
        treated = connection.execute(
            "SELECT id, subject_number FROM subjects WHERE trial_id = ? AND status IN ('enrolled', 'completed') "
            "AND subject_number IS NOT NULL ORDER BY screening_number",
            (trial.id,),
        ).fetchall()
    common_family = family[0] if family else "王"
    middle = treated[len(treated) // 2] if treated else None

    tabs = window.form.tabs
    runner.add("start-up: the window idle (other tabs prepared)", lambda: None)
    runner.add("tab: Eligibility", lambda: tabs.setCurrentIndex(1))
    runner.add("tab: Infusion calendar", lambda: tabs.setCurrentIndex(2))
    runner.add("tab: Contacts", lambda: tabs.setCurrentIndex(3))
    runner.add("tab: Overview", lambda: tabs.setCurrentIndex(0))
    runner.after["tab: Overview"] = lambda: memory.update(after_all_tabs=rss_kib())

    runner.add("tab: Eligibility (again)", lambda: tabs.setCurrentIndex(1))

    def search(text: str) -> None:
        window.eligibility.form.searchField.setText(text)

    runner.add("filter: search a common family name", lambda: search(common_family))
    runner.add("filter: clear the search", lambda: search(""))
    typed = "SCR-0001"
    for length in range(1, len(typed) + 1):
        runner.add(f"filter: type '{typed[:length]}'", lambda text=typed[:length]: search(text))
    runner.add("filter: clear the search (2)", lambda: search(""))
    if middle is not None:
        runner.add("checklist: select a subject", lambda: window.eligibility.select_subject(middle[0]))

    runner.add("tab: Infusion calendar (again)", lambda: tabs.setCurrentIndex(2))
    runner.add("calendar: next month", lambda: window.calendar.form.calendar.showNextMonth())
    runner.add("calendar: previous month", lambda: window.calendar.form.calendar.showPreviousMonth())
    runner.add("calendar: previous month (2)", lambda: window.calendar.form.calendar.showPreviousMonth())
    runner.add("calendar: back to today", lambda: window.calendar.go_to_today())

    def show_page(name: str) -> None:
        calendar = window.calendar
        calendar.form.pages.setCurrentWidget(calendar.safety_panel if name == "safety" else calendar.form.timelinePage)

    runner.add("calendar: timeline page", lambda: show_page("timeline"))

    def pick_timeline_subject() -> None:  # as a user does: choosing the subject in the list
        combo = window.calendar.form.subjectCombo
        label = f"{middle[1]} · " if middle is not None else "?"
        index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(label)), combo.count() // 2)
        combo.setCurrentIndex(index)

    runner.add("timeline: choose a subject", pick_timeline_subject)
    runner.add("calendar: safety & labs page", lambda: show_page("safety"))
    selector = window.form.trialSelector
    if selector.count() > 1:
        runner.add("trial: switch to the second trial", lambda: selector.setCurrentIndex(1))
        runner.add("trial: switch back", lambda: selector.setCurrentIndex(0))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("floor", "cold", "tabs"))
    parser.add_argument("--database", default="")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--profile", action="store_true", help="cProfile each action (slower; for finding causes)")
    parser.add_argument("--no-sql", action="store_true", help="do not record SQL (less overhead)")
    parser.add_argument("--cap", type=float, default=1800, help="stop starting new actions after this many seconds")
    args = parser.parse_args()

    marks: dict[str, float] = {"process ready": PROCESS_READY}
    sql_box: dict[str, SqlRecorder] = {}

    startup_profile: dict[str, Any] = {}

    def record_sql(workspace: Any) -> None:
        if args.profile:
            import cProfile

            startup_profile["profiler"] = cProfile.Profile()
            startup_profile["profiler"].enable()
        if args.mode == "tabs" and not args.no_sql:
            recorder = SqlRecorder(workspace.database.engine)
            recorder.action = "start-up: session begun, first tab shown"
            sql_box["sql"] = recorder

    from PySide6.QtCore import QEvent, QObject, QTimer

    FirstPaint, _ = make_instruments(QObject, QEvent, QTimer)  # noqa: N806 - a class
    result: dict[str, Any] = {"mode": args.mode}
    memory: dict[str, Any] = {}
    runner_box: dict[str, Runner] = {}
    watchers: list[Any] = []

    def painted(moment: float) -> None:
        """The first paint of the main window: the figure compared with the floor."""
        marks["first paint"] = moment
        result["first_paint_ms"] = since_start(moment)
        result["heavy_modules_at_first_paint"] = loaded_heavy_modules()
        result["modules_at_first_paint"] = len(sys.modules)
        memory["at_first_paint"] = rss_kib()
        QApplication.instance().removeEventFilter(watchers[0])
        if args.mode == "floor":
            QTimer.singleShot(0, ready_done)

    def ready_painted(moment: float) -> None:
        """The first paint after the session began: signed in, the first tab showing its data."""
        marks["ready"] = moment
        result["ready_ms"] = since_start(moment)
        QApplication.instance().removeEventFilter(watchers[1])
        if "profiler" in startup_profile:
            startup_profile["profiler"].disable()
            startup_profile["text"] = _profile_text(startup_profile["profiler"])
        QTimer.singleShot(0, ready_done)  # that frame finishes, then memory and the actions

    def ready_done() -> None:
        marks["ready frame done"] = now()
        memory["at_ready"] = rss_kib()
        if args.mode == "tabs":
            runner = Runner(app, window, sql_box.get("sql"), args.profile, args.cap)
            runner_box["runner"] = runner
            from coordinator_app.storage.engine import sqlite_file

            tab_actions(runner, window, str(sqlite_file(args.database)), memory)
            runner.start()
        else:
            app.quit()

    def watch_first_paint(app: Any, window: Any) -> None:
        watchers.append(FirstPaint(window, painted))
        app.installEventFilter(watchers[0])

    from PySide6.QtWidgets import QApplication

    if args.mode == "floor":
        app, window = start_floor(marks)
        workspace = None
        watch_first_paint(app, window)
        window.show()
    else:
        app, workspace, window = start_app(args, marks, watch_first_paint, record_sql)
        watchers.append(FirstPaint(window, ready_painted))
        app.installEventFilter(watchers[1])
        window.update()  # the session's first frame, even where begin_session changed nothing visible
    app.exec()
    memory["at_end"] = rss_kib()
    result["marks_ms"] = {name: since_start(moment) for name, moment in sorted(marks.items(), key=lambda kv: kv[1])}
    result["memory_kib"] = memory
    sql = sql_box.get("sql")
    if sql is not None:
        count, seconds = sql.totals("start-up: session begun, first tab shown")
        result["startup_sql"] = {
            "statements": count,
            "ms": round(seconds * 1000, 1),
            "top": sql.top("start-up: session begun, first tab shown", 5),
        }
    if "runner" in runner_box:
        runner = runner_box["runner"]
        result["actions"] = runner.results
        if runner.profiles:
            result["profiles"] = {
                "start-up: signed in to the first tab painted": startup_profile.get("text", ""),
                **runner.profiles,
            }
    if sql is not None:
        from coordinator_app.storage.engine import sqlite_file

        database = sqlite_file(args.database)
        result["explain"] = sql.explain(str(database)) if database else []
    if workspace is not None:
        trial = window.current_trial()
        result["trial"] = trial.nct_id if trial else None
        window.close()
        workspace.close()
    emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
