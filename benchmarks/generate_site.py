"""Generate a large synthetic site database for the benchmarks (not a test, not shipped).

``python benchmarks/generate_site.py --scale 1.0 [--output FILE] [--force]``

At scale 1.0: 50 trials, 30,000 subjects, about 500,000 visits, 200,000 lab results, 20,000 adverse events and
1,000,000 audit rows (a valid hash chain), besides what those need to be consistent: eligibility facts, consents,
signed verdicts with their signatures, infusion records and safety checks for the doses given, SAE reports,
deviations, site contacts with their delegation log, and staff accounts. Scales 0.1 and 0.01 divide every count
(the 50 trials stay).

How it is built:

* The app itself migrates the file (``open_workspace`` -> ``Database.upgrade``: the same Alembic chain), loads the
  bundled protocol, creates five staff accounts (Argon2id, the app's default cost) and loads the other 49 trials
  through ``TrialService.load_protocol`` (so ``protocol_json``/``protocol_sha256`` and the registry contacts are
  exactly what the app stores). The 49 are the bundled protocol under other NCT ids, with a longer follow-up
  (ten more visits, every four weeks after W48), a proportionate enrolment target and their own title.
* Everything else is bulk-inserted with SQLAlchemy Core ``executemany`` in one transaction, with the
  non-unique indexes dropped during the load and recreated as the migrations wrote them. Schedules come from the
  app's own ``build_schedule``; verdicts from its ``assess``; numbers, facts and phones in the app's formats.
* The audit rows continue the chain the app started (``audit_chain.link``), in time order, one row per field as
  ``audit.py`` writes them; they are a sample of each subject's history (insert of the subject, its facts,
  consent, verdict, visits, labs, AEs...), sized to reach the target. Note: the app's own rows (trial loads,
  accounts) come first in the chain and are dated at generation time, before the historical rows in id order.

Trial sizes follow Zipf (the largest trial has about 22% of the subjects); the largest is loaded last, so it is
the trial the main window shows first. Data are dated relative to the day of generation.

The file is cached under ``benchmarks/.cache/site-<scale>.sqlite3`` with a ``.json`` beside it (counts, timing,
generator version); it is reused while the generator is unchanged and the data are less than a week old.
``coordinator-app --database sqlite:///FILE audit verify`` passes on it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import math
import random
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, insert, text
from sqlalchemy.orm import Session

from coordinator_app.domain import labs
from coordinator_app.domain.access import Role
from coordinator_app.domain.eligibility import SubjectFacts, Verdict, assess, format_fact, parse_fact
from coordinator_app.domain.identity import check_character
from coordinator_app.domain.protocol import Protocol, Text, VisitDefinition, VisitPlan, load_protocol_text
from coordinator_app.domain.schedule import VisitRecord, VisitStatus, build_schedule
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.resource_files import bundled_protocols
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.signatures import content_digest
from coordinator_app.services.subject_summaries import store_subject_summaries
from coordinator_app.services.users import Credentials
from coordinator_app.services.workdays import next_working_day
from coordinator_app.services.workspace import open_workspace
from coordinator_app.storage import migrate, models
from coordinator_app.storage.audit_chain import chain_head, link
from coordinator_app.storage.urls import sqlite_url

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
GENERATOR_VERSION = "2026-12-06.3"  # change it whenever the data generated change: cached files are then rebuilt
MAX_AGE_DAYS = 7

# Sizes at scale 1.0 (the "large site database").
TRIALS = 50
SUBJECTS = 30_000
VISITS = 500_000
LAB_RESULTS = 200_000
ADVERSE_EVENTS = 20_000
AUDIT_ROWS = 1_000_000
SITE_CONTACTS = 150
EXTRA_STAFF = 35

# The accounts (password for all of them; the benchmarks sign in as the coordinator).
PASSWORD = "bench-password-1"
ADMIN = "site.admin"
COORDINATOR = "bench.coordinator"
NURSE = "bench.nurse"
INVESTIGATOR = "bench.investigator"
MONITOR = "bench.monitor"
STAFF = (
    (COORDINATOR, "周协调员 (Coordinator Zhou)", Role.COORDINATOR),
    (NURSE, "刘护士 (Nurse Liu)", Role.RESEARCH_NURSE),
    (INVESTIGATOR, "张医生 (Dr Zhang)", Role.INVESTIGATOR),
    (MONITOR, "吴监查员 (Monitor Wu)", Role.MONITOR),
)
INVESTIGATOR_NAME = "张医生 (Dr Zhang) (bench.investigator)"
NURSES = ("刘护士 (Nurse Liu)", "陈护士 (Nurse Chen)")

FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志海美玲丹萍鹏辉红梅文亮晨宇浩然欣怡子轩"
AE_TERMS = (
    "Fever",
    "Headache",
    "Fatigue",
    "Nausea",
    "Diarrhoea",
    "Rash",
    "Pruritus",
    "Abdominal pain",
    "Ascites",
    "Oedema peripheral",
    "Insomnia",
    "Dizziness",
    "Cough",
    "Upper respiratory infection",
    "Arthralgia",
    "Infusion related reaction",
    "Anaemia",
    "Thrombocytopenia",
    "Hepatic encephalopathy",
    "GI haemorrhage",
)
SERIOUS_TERMS = ("Hepatic encephalopathy", "GI haemorrhage", "Ascites", "Upper respiratory infection")
LAB_PANEL = ("tbil", "alb", "crea", "na", "inr", "alt", "ast")  # 7 analytes a sample
FAIL_VARIANTS = ({"pt_seconds": "16.0"}, {"active_infection": "yes"}, {"hepatic_encephalopathy": "yes"})
EXTRA_VISITS = 10  # follow-up visits the 49 copies add after W48, every 4 weeks
DUTIES = (
    "Obtain informed consent",
    "Assess eligibility",
    "Administer investigational product",
    "Sample collection and processing",
    "Case report form entry",
    "Query resolution",
    "Adverse event assessment",
)

# Tables bulk-loaded here, and the non-unique indexes dropped while they load.
LOADED = (
    "subjects",
    "subject_facts",
    "consents",
    "eligibility_signoffs",
    "signatures",
    "visits",
    "deviations",
    "infusion_records",
    "safety_checks",
    "lab_results",
    "adverse_events",
    "sae_reports",
    "contacts",
    "delegations",
    "users",
    "audit_log",
)


# -- the plan of the data -------------------------------------------------------------------------------------


@dataclasses.dataclass
class Counts:
    subjects: int
    visits: int
    labs: int
    aes: int
    audit: int
    contacts: int
    extra_staff: int

    @classmethod
    def at(cls, scale: float) -> Counts:
        def scaled(n: int) -> int:
            return max(1, round(n * scale))

        return cls(
            scaled(SUBJECTS),
            scaled(VISITS),
            scaled(LAB_RESULTS),
            scaled(ADVERSE_EVENTS),
            scaled(AUDIT_ROWS),
            max(20, scaled(SITE_CONTACTS)),
            EXTRA_STAFF,
        )


def trial_sizes(total: int, trials: int = TRIALS) -> list[int]:
    """Zipf sizes by rank (the largest first), summing to ``total``, each at least 1."""
    weights = [1 / (rank + 1) for rank in range(trials)]
    scale = total / sum(weights)
    sizes = [max(1, math.floor(w * scale)) for w in weights]
    rank = 0
    while sum(sizes) < total:
        sizes[rank % trials] += 1
        rank += 1
    while sum(sizes) > total:
        biggest = sizes.index(max(sizes))
        sizes[biggest] -= 1
    return sizes


def extended_plan(plan: VisitPlan) -> VisitPlan:
    """The bundled plan plus ten follow-up visits every 4 weeks after W48 (anchored on dose 2)."""
    procedures = ("vitals", "lab_liver", "ae_review", "con_meds")
    extra = tuple(
        VisitDefinition(
            code=f"FU{i}",
            name=Text(f"Follow-up {i} (week {48 + 4 * i})", f"随访 {i}（第 {48 + 4 * i} 周）"),
            anchor="D2",
            day=168 + 28 * i,
            before=7,
            after=7,
            infusion=False,
            procedures=procedures,
        )
        for i in range(1, EXTRA_VISITS + 1)
    )
    return VisitPlan(plan.visits + extra, plan.procedures)


def trial_copy(bundled: Protocol, index: int, target: int) -> Protocol:
    nct = f"NCT07{index:06d}"
    title = bundled.brief_title
    return dataclasses.replace(
        bundled,
        nct_id=nct,
        org_study_id=f"SITE-{index:03d}",
        brief_title=Text(f"{title.en} — cohort {index}", f"{title.zh}（队列 {index}）" if title.zh else ""),
        design=dataclasses.replace(bundled.design, enrollment_target=max(1, target)),
        visit_plan=extended_plan(bundled.visit_plan) if bundled.visit_plan else None,
    )


# -- small helpers --------------------------------------------------------------------------------------------


def local_instant(day: dt.date, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    """An aware instant: ``day`` at that time on this machine's clock (as the desktop would record it)."""
    return dt.datetime.combine(day, dt.time(hour, minute, second)).astimezone()


def identity_number(rng: random.Random, born: dt.date, sex: Sex) -> str:
    area = rng.choice(("460100", "460200", "110105", "440305", "310115"))
    sequence = rng.randrange(0, 99) * 10 + (
        rng.choice((1, 3, 5, 7, 9)) if sex is Sex.MALE else rng.choice((0, 2, 4, 6, 8))
    )
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    return body + check_character(body)


def mobile(rng: random.Random) -> str:
    return f"+86{rng.choice(('138', '139', '137', '150', '186', '135'))}{rng.randrange(10**8):08d}"


def audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def chunks(rows: Sequence[dict[str, Any]], size: int = 20_000) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


# -- the generator --------------------------------------------------------------------------------------------


class SiteGenerator:
    def __init__(self, path: Path, scale: float, seed: int = 20260101) -> None:
        self.path = path
        self.scale = scale
        self.counts = Counts.at(scale)
        self.rng = random.Random(seed)
        self.today = dt.date.today()
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in LOADED}
        self.next_id: dict[str, int] = {}
        self.audit_groups: list[
            tuple[dt.datetime, str, str, str, str, list[tuple[str | None, str | None, str | None]], int | None]
        ] = []
        # per subject: list of groups (when, actor, action, table, record_id, [(field, old, new)], subject_id)
        self.timings: dict[str, float] = {}
        self.fact_cache: dict[tuple[str, str], str] = {}

    def new_id(self, table: str) -> int:
        value = self.next_id[table] + 1
        self.next_id[table] = value
        return value

    # -- stage 1: through the app ------------------------------------------------------------------

    def through_the_app(self) -> None:
        start = time.perf_counter()
        workspace = open_workspace(sqlite_url(self.path))
        try:
            workspace.users.create_first_administrator(ADMIN, "站点管理员 (Site administrator)", PASSWORD)
            for username, full_name, role in STAFF:
                workspace.users.add_user(username, full_name, role, PASSWORD, ADMIN, must_change_password=False)
            workspace.sign_in(Credentials(ADMIN, PASSWORD))
            workspace.site_settings.set("max_infusions_per_day", "100", ADMIN)
            bundled_file = bundled_protocols()[0]
            bundled = load_protocol_text(bundled_file.read_text(encoding="utf-8"), "bundled")
            sizes = trial_sizes(self.counts.subjects)
            # rank 0 is the largest; the bundled trial (loaded by open_workspace, so the oldest) takes rank 10.
            bundled_rank = min(10, TRIALS - 1)
            copy_ranks = [r for r in range(TRIALS) if r != bundled_rank]
            self.trials: list[dict[str, Any]] = []
            bundled_summary = workspace.trials.resolve(bundled.nct_id)
            self.trials.append(
                {"id": bundled_summary.id, "nct": bundled.nct_id, "size": sizes[bundled_rank], "protocol": bundled}
            )
            # load the smaller copies first: the largest (rank 0) is loaded last and shown first
            for number, rank in enumerate(sorted(copy_ranks, reverse=True), start=1):
                protocol = trial_copy(bundled, number, target=round(sizes[rank] * 0.75))
                result = workspace.trials.load_protocol(protocol, f"file:/site/protocols/{protocol.nct_id}.toml", ADMIN)
                stored = workspace.trials.protocol(result.trial.id)  # read back and validated as the app reads it
                assert stored.visit_plan is not None and bundled.visit_plan is not None
                assert len(stored.visit_plan.visits) == len(bundled.visit_plan.visits) + EXTRA_VISITS
                self.trials.append(
                    {"id": result.trial.id, "nct": protocol.nct_id, "size": sizes[rank], "protocol": stored}
                )
            self.largest = self.trials[-1]
            workspace.sign_out()
        finally:
            workspace.close()
        self.timings["app: migrate, accounts, 50 trials"] = time.perf_counter() - start

    # -- stage 2: rows in memory -------------------------------------------------------------------

    def plan_rows(self, connection: Connection) -> None:
        start = time.perf_counter()
        for table in LOADED:
            self.next_id[table] = int(
                connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar() or 0
            )
        self.password_hash = connection.execute(
            text("SELECT password_hash FROM users WHERE username = :u"), {"u": COORDINATOR}
        ).scalar_one()
        self._staff()
        self._contacts()
        total_visit_capacity = sum(t["size"] * len(t["protocol"].visit_plan.visits) for t in self.trials)
        # the share of subjects with a schedule that gives about the target number of visits
        self.p_scheduled = min(0.9, 1.01 * self.counts.visits / total_visit_capacity)
        self.treated: list[tuple[int, dict[str, Any], list[dict[str, Any]]]] = []  # subject id, subject row, visit rows
        for trial in self.trials:
            self._trial_subjects(trial)
        self._labs()
        self._adverse_events()
        self.timings["rows planned in memory"] = time.perf_counter() - start

    def _staff(self) -> None:
        roles = [Role.COORDINATOR, Role.RESEARCH_NURSE, Role.INVESTIGATOR, Role.MONITOR]
        created = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
        for i in range(self.counts.extra_staff):
            role = roles[i % len(roles)]
            username = f"staff{i + 1:02d}.{role.value.split('_')[0]}"
            self.rows["users"].append(
                {
                    "id": self.new_id("users"),
                    "username": username,
                    "full_name": f"{self.rng.choice(FAMILY)}{self.rng.choice(GIVEN)} ({role.value})",
                    "role": role.value,
                    "password_hash": self.password_hash,
                    "active": i % 9 != 8,
                    "must_change_password": False,
                    "failed_sign_ins": 0,
                    "locked_until": None,
                    "last_sign_in_at": None,
                    "created_at": created,
                    "version": 1,
                }
            )

    def _contacts(self) -> None:
        categories = ["site_staff"] * 6 + ["pharmacy", "ethics_committee", "courier", "manufacturer", "other"]
        for i in range(self.counts.contacts):
            category = categories[i % len(categories)]
            person = category == "site_staff" or self.rng.random() < 0.3
            contact_id = self.new_id("contacts")
            name = (
                f"{self.rng.choice(FAMILY)}{self.rng.choice(GIVEN)}{self.rng.choice(GIVEN)}"
                if person
                else f"Site {category.replace('_', ' ')} {i + 1}"
            )
            self.rows["contacts"].append(
                {
                    "id": contact_id,
                    "trial_id": None,
                    "kind": "person" if person else "organisation",
                    "category": category,
                    "name": name,
                    "organisation": "Haikou People's Hospital",
                    "role": "Research staff" if category == "site_staff" else "",
                    "phone": mobile(self.rng),
                    "email": f"contact{i + 1}@example.org",
                    "notes": "",
                    "source": "site",
                    "retired_on": (self.today - dt.timedelta(days=self.rng.randrange(30, 700)))
                    if i % 13 == 12
                    else None,
                    "created_at": dt.datetime.now(dt.UTC) - dt.timedelta(days=900),
                    "version": 1,
                }
            )
            if category == "site_staff":
                for trial in self.rng.sample(self.trials, k=min(len(self.trials), self.rng.randrange(1, 6))):
                    for duty in self.rng.sample(DUTIES, k=self.rng.randrange(1, 4)):
                        start = self.today - dt.timedelta(days=self.rng.randrange(60, 1000))
                        ended = self.rng.random() < 0.15
                        self.rows["delegations"].append(
                            {
                                "id": self.new_id("delegations"),
                                "contact_id": contact_id,
                                "trial_id": trial["id"],
                                "duty": duty,
                                "start_date": start,
                                "end_date": start + dt.timedelta(days=self.rng.randrange(30, 400)) if ended else None,
                            }
                        )

    def _fact_text(self, definition: Any, raw: str) -> str:
        key = (definition.name, raw)
        cached = self.fact_cache.get(key)
        if cached is None:
            cached = self.fact_cache[key] = format_fact(definition, parse_fact(definition, raw))
        return cached

    def _trial_subjects(self, trial: dict[str, Any]) -> None:
        rng = self.rng
        protocol: Protocol = trial["protocol"]
        plan = protocol.visit_plan
        assert plan is not None
        definitions = {d.name: d for d in protocol.eligibility.facts}
        version = protocol.current_consent_version or "1.0"
        size = trial["size"]
        days = sorted(self.today - dt.timedelta(days=rng.randrange(0, 1100)) for _ in range(size))
        subject_sequence = 0
        for sequence, screened in enumerate(days, start=1):
            subject_id = self.new_id("subjects")
            sex = Sex.MALE if rng.random() < 0.62 else Sex.FEMALE
            age_days = rng.randrange(22 * 365 + 10, 58 * 365)
            born = screened - dt.timedelta(days=age_days)
            family, given = rng.choice(FAMILY), "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            recent = (self.today - screened).days < 21
            roll = rng.random()
            if recent and roll < 0.6:
                kind = "screening"
            elif roll < self.p_scheduled:
                kind = "treated"
            elif roll < self.p_scheduled + 0.015:
                kind = "awaiting"
            else:
                kind = "failed"
            facts_raw = eligible_facts(screened)
            if kind == "failed":
                facts_raw = {**facts_raw, **rng.choice(FAIL_VARIANTS)}
            if kind == "screening":
                for name in rng.sample(sorted(facts_raw), k=rng.randrange(0, 6)):
                    facts_raw[name] = ""
            facts = {name: self._fact_text(definitions[name], raw) for name, raw in facts_raw.items() if raw}
            consented = kind != "screening" or rng.random() < 0.5
            consent_at = local_instant(screened, 9, 30) if consented else None
            subject = {
                "id": subject_id,
                "trial_id": trial["id"],
                "screening_number": f"SCR-{sequence:05d}",
                "subject_number": None,
                "status": SubjectStatus.SCREENING.value,
                "family_name": family,
                "given_name": given,
                "sex": sex.value,
                "date_of_birth": born,
                "phone": mobile(rng) if rng.random() < 0.8 else "",
                "identity_number": identity_number(rng, born, sex) if rng.random() < 0.6 else None,
                "screened_on": screened,
                "assessment_date": screened,
                "enrolled_on": None,
                "enrolment_override_reason": "",
                "status_date": None,
                "status_reason": "",
                "created_at": local_instant(screened, 9, 0),
                "version": 1,
            }
            self.rows["subjects"].append(subject)
            groups = self.subject_groups(subject_id)
            groups.append(
                self._group(
                    local_instant(screened, 9, 0),
                    COORDINATOR,
                    "insert",
                    "subjects",
                    subject_id,
                    subject,
                    subject_id,
                    skip=("version",),
                )
            )
            for name, value in facts.items():
                fact = {
                    "id": self.new_id("subject_facts"),
                    "subject_id": subject_id,
                    "name": name,
                    "value": value,
                    "source_note": f"outpatient record {screened}",
                    "version": 1,
                }
                self.rows["subject_facts"].append(fact)
                groups.append(
                    self._group(
                        local_instant(screened, 9, 10),
                        COORDINATOR,
                        "insert",
                        "subject_facts",
                        fact["id"],
                        fact,
                        subject_id,
                        skip=("version",),
                    )
                )
            if consent_at is not None:
                consent = {
                    "id": self.new_id("consents"),
                    "subject_id": subject_id,
                    "document_version": version,
                    "signed_at": consent_at,
                    "obtained_by": NURSES[0],
                    "copy_given": True,
                }
                self.rows["consents"].append(consent)
                groups.append(
                    self._group(consent_at, COORDINATOR, "insert", "consents", consent["id"], consent, subject_id)
                )
            if kind == "screening":
                continue
            # the investigator signs the verdict the rules give
            values = {}
            for name, value in facts.items():
                parsed = parse_fact(definitions[name], value)
                if parsed is not None:
                    values[name] = parsed
            assessment = assess(protocol.eligibility, SubjectFacts(born, sex, screened, values), screened)
            if kind != "failed" and assessment.verdict is not Verdict.ELIGIBLE:
                kind = "failed"  # the profile did not pass after all (never seen): keep the data consistent
            signed_at = local_instant(screened, 15, 0)
            digest = hashlib.sha256(
                "\n".join(
                    [
                        screened.isoformat(),
                        born.isoformat(),
                        sex.value,
                        consent_at.astimezone(dt.UTC).isoformat() if consent_at else "",
                        *(f"{name}={value}" for name, value in sorted(facts.items())),
                    ]
                ).encode()
            ).hexdigest()
            signoff = {
                "id": self.new_id("eligibility_signoffs"),
                "subject_id": subject_id,
                "assessment_date": screened,
                "verdict": assessment.verdict.value,
                "failing": "; ".join(assessment.failing),
                "facts_digest": digest,
                "signed_by": INVESTIGATOR_NAME,
                "meaning": "approved_eligibility",
                "signed_at": signed_at,
                "reason": "",
                "superseded_at": None,
            }
            self.rows["eligibility_signoffs"].append(signoff)
            groups.append(
                self._group(
                    signed_at, INVESTIGATOR, "insert", "eligibility_signoffs", signoff["id"], signoff, subject_id
                )
            )
            signature = {
                "id": self.new_id("signatures"),
                "table_name": "eligibility_signoffs",
                "record_id": str(signoff["id"]),
                "subject_id": subject_id,
                "meaning": "approved_eligibility",
                "username": INVESTIGATOR,
                "full_name": "张医生 (Dr Zhang)",
                "role": "investigator",
                "signed_at": signed_at,
                "content_sha256": content_digest(
                    {"verdict": signoff["verdict"], "failing": signoff["failing"], "facts": digest}
                ),
            }
            self.rows["signatures"].append(signature)
            groups.append(
                self._group(signed_at, INVESTIGATOR, "insert", "signatures", signature["id"], signature, subject_id)
            )
            if kind == "failed":
                failed_on = min(self.today, screened + dt.timedelta(days=rng.randrange(0, 4)))
                reason = "; ".join(assessment.failing) or "investigator decision"
                subject.update(status=SubjectStatus.SCREEN_FAILED.value, status_date=failed_on, status_reason=reason)
                groups.append(
                    self._update(
                        local_instant(failed_on, 16),
                        COORDINATOR,
                        "subjects",
                        subject_id,
                        [
                            ("status", "screening", "screen_failed"),
                            ("status_date", None, failed_on.isoformat()),
                            ("status_reason", None, reason),
                        ],
                        subject_id,
                    )
                )
                continue
            # enrolment
            subject_sequence += 1
            enrolled = min(self.today, screened + dt.timedelta(days=rng.randrange(1, 5)))
            subject.update(
                status=SubjectStatus.ENROLLED.value,
                subject_number=f"SUB-{subject_sequence:05d}",
                enrolled_on=enrolled,
                status_date=enrolled,
            )
            groups.append(
                self._update(
                    local_instant(enrolled, 10),
                    COORDINATOR,
                    "subjects",
                    subject_id,
                    [
                        ("subject_number", None, subject["subject_number"]),
                        ("status", "screening", "enrolled"),
                        ("enrolled_on", None, enrolled.isoformat()),
                        ("status_date", None, enrolled.isoformat()),
                    ],
                    subject_id,
                )
            )
            if kind == "awaiting":
                continue
            self._schedule(subject, plan, rng, groups)

    def _schedule(self, subject: dict[str, Any], plan: VisitPlan, rng: random.Random, groups: list[Any]) -> None:
        screened: dt.date = subject["assessment_date"]
        subject_id = subject["id"]
        dose1 = next_working_day(screened + dt.timedelta(days=rng.randrange(6, 24)))
        dose1 = max(dose1, next_working_day(subject["enrolled_on"]))
        if (dose1 - screened).days > 28:
            dose1 = screened + dt.timedelta(days=27)
        planned = {v.code: v for v in build_schedule(plan, dose1, {"D1": VisitRecord(booked=dose1)})}
        withdraw_on: dt.date | None = None
        if rng.random() < 0.08 and dose1 < self.today - dt.timedelta(days=30):
            withdraw_on = dose1 + dt.timedelta(days=rng.randrange(10, max(11, min(400, (self.today - dose1).days))))
        records: dict[str, VisitRecord] = {"D1": VisitRecord(booked=dose1)}
        for code, visit in planned.items():
            if code == "SCR":
                records[code] = VisitRecord(VisitStatus.DONE, screened)
                continue
            past = visit.planned < self.today and (withdraw_on is None or visit.planned <= withdraw_on)
            if not past:
                continue
            roll = rng.random()
            if roll < 0.02 and not visit.definition.infusion and code != "D1+1":
                records[code] = VisitRecord(VisitStatus.MISSED)
            elif roll < 0.022 and not visit.definition.infusion:
                pass  # never recorded: overdue once its window has closed
            else:
                records[code] = VisitRecord(VisitStatus.DONE, visit.planned, records.get(code, VisitRecord()).booked)
        schedule = build_schedule(plan, dose1, records)
        visit_rows = []
        for visit in schedule:
            row = {
                "id": self.new_id("visits"),
                "subject_id": subject_id,
                "trial_id": subject["trial_id"],
                "code": visit.code,
                "status": visit.status.value,
                "booked_on": visit.booked,
                "actual_on": visit.actual,
                "scheduled_on": visit.date,
                "window_start": visit.window_start,
                "window_end": visit.window_end,
                "sequence": 0,
                "version": 1,
            }
            visit_rows.append(row)
            self.rows["visits"].append(row)
            groups.append(
                self._group(
                    local_instant(screened + dt.timedelta(days=2), 11),
                    COORDINATOR,
                    "insert",
                    "visits",
                    row["id"],
                    row,
                    subject_id,
                    skip=("version", "trial_id"),
                )
            )
            if visit.status is VisitStatus.DONE and visit.code != "SCR":
                actor = NURSE
                groups.append(
                    self._update(
                        local_instant(visit.date, 14),
                        actor,
                        "visits",
                        row["id"],
                        [("status", "scheduled", "done"), ("actual_on", None, visit.date.isoformat())],
                        subject_id,
                    )
                )
                if visit.definition.infusion:
                    self._infusion(subject_id, visit.code, visit.date, groups)
        if rng.random() < 0.01:
            deviation = {
                "id": self.new_id("deviations"),
                "subject_id": subject_id,
                "visit_code": "SCR",
                "kind": "out_of_window",
                "description": f"SCR on {screened} is outside its window for dose 1 on {dose1}",
                "reason": "sponsor approved a late dose 1",
                "recorded_by": COORDINATOR,
                "recorded_at": local_instant(screened + dt.timedelta(days=2), 11),
            }
            self.rows["deviations"].append(deviation)
        last_visit = max(v.date for v in schedule)
        if withdraw_on is not None:
            subject.update(
                status=SubjectStatus.WITHDRAWN.value, status_date=withdraw_on, status_reason="moved to another city"
            )
            groups.append(
                self._update(
                    local_instant(withdraw_on, 10),
                    COORDINATOR,
                    "subjects",
                    subject_id,
                    [
                        ("status", "enrolled", "withdrawn"),
                        ("status_date", subject["enrolled_on"].isoformat(), withdraw_on.isoformat()),
                    ],
                    subject_id,
                )
            )
        elif all(v.status is not VisitStatus.SCHEDULED for v in schedule) and last_visit < self.today:
            done = min(self.today, last_visit + dt.timedelta(days=3))
            subject.update(status=SubjectStatus.COMPLETED.value, status_date=done)
            groups.append(
                self._update(
                    local_instant(done, 10),
                    COORDINATOR,
                    "subjects",
                    subject_id,
                    [
                        ("status", "enrolled", "completed"),
                        ("status_date", subject["enrolled_on"].isoformat(), done.isoformat()),
                    ],
                    subject_id,
                )
            )
        self.treated.append((subject_id, subject, visit_rows))

    def _infusion(self, subject_id: int, code: str, day: dt.date, groups: list[Any]) -> None:
        start = local_instant(day, 9)
        if code != "D1":
            check = {
                "id": self.new_id("safety_checks"),
                "subject_id": subject_id,
                "visit_code": code,
                "active_infection": False,
                "spontaneous_peritonitis": False,
                "gi_bleeding_last_4_weeks": False,
                "investigator_clearance": True,
                "investigator": "张医生 (Dr Zhang)",
                "checked_at": start - dt.timedelta(hours=1),
            }
            self.rows["safety_checks"].append(check)
        vitals = [
            {
                "minute": m,
                "temperature_c": "36.6",
                "pulse_per_min": "80",
                "systolic_mmhg": "120",
                "diastolic_mmhg": "78",
                "spo2_percent": "98",
            }
            for m in (-15, 15, 30, 60)
        ]
        record = {
            "id": self.new_id("infusion_records"),
            "subject_id": subject_id,
            "visit_code": code,
            "product_lot": f"LOT-{day:%y%m%d}",
            "release_certificate": f"QA-{day:%y%m%d}",
            "cells_per_dose": "1.02E+8",
            "viability_release_percent": "96",
            "viability_bedside_percent": "93",
            "prepared_at": start - dt.timedelta(minutes=40),
            "infusion_start": start,
            "infusion_end": start + dt.timedelta(minutes=35),
            "volume_ml": "100",
            "rate_ml_per_hour": "180",
            "transport_temperature_c": "4",
            "vital_signs_json": json.dumps(vitals),
            "immediate_reactions": "",
            "administered_by": NURSES[0],
            "checked_by": NURSES[1],
        }
        self.rows["infusion_records"].append(record)
        groups.append(
            self._group(
                start + dt.timedelta(minutes=40), NURSE, "insert", "infusion_records", record["id"], record, subject_id
            )
        )

    def _labs(self) -> None:
        rng = self.rng
        samples_needed = math.ceil(self.counts.labs / len(LAB_PANEL))
        candidates: list[tuple[int, dict[str, Any], str, dt.date]] = []
        for subject_id, subject, visits in self.treated:
            for row in visits:
                if row["status"] == "done" and row["code"] in (
                    "D1",
                    "W4",
                    "W12",
                    "D2",
                    "W28",
                    "W36",
                    "W48",
                    "FU3",
                    "FU6",
                    "FU9",
                ):
                    candidates.append((subject_id, subject, row["code"], row["actual_on"]))
        chosen = rng.sample(candidates, k=min(samples_needed, len(candidates)))
        remaining = self.counts.labs
        for subject_id, subject, code, day in chosen:
            female = subject["sex"] == Sex.FEMALE.value
            groups = self.subject_groups(subject_id)
            for analyte_code in LAB_PANEL:
                if remaining <= 0:
                    return
                remaining -= 1
                item = labs.analyte(analyte_code)
                low, high = item.normal_range(female)
                centre = ((low or item.plausible_low) + (high or item.plausible_high * Decimal("0.01"))) / 2
                value = (centre * Decimal(str(round(rng.uniform(0.6, 1.6), 2)))).quantize(Decimal("0.1"))
                value = min(max(value, item.plausible_low), item.plausible_high)
                text_value = labs.format_value(value)
                row = {
                    "id": self.new_id("lab_results"),
                    "subject_id": subject_id,
                    "visit_code": code,
                    "sample_date": day,
                    "analyte": analyte_code,
                    "value": text_value,
                    "unit": item.unit,
                    "entered_value": text_value,
                    "entered_unit": item.unit,
                    "normal_low": None if low is None else labs.format_value(low),
                    "normal_high": None if high is None else labs.format_value(high),
                    "flag": labs.flag(value, low, high),
                    "source": f"LIS export {day:%Y%m%d}.csv",
                    "version": 1,
                }
                self.rows["lab_results"].append(row)
                groups.append(
                    self._group(
                        local_instant(day, 17),
                        COORDINATOR,
                        "insert",
                        "lab_results",
                        row["id"],
                        row,
                        subject_id,
                        skip=("version",),
                    )
                )

    def _adverse_events(self) -> None:
        rng = self.rng
        if not self.treated:
            return
        for _ in range(self.counts.aes):
            subject_id, _subject, visits = rng.choice(self.treated)
            dose1 = next(v["scheduled_on"] for v in visits if v["code"] == "D1")
            if dose1 >= self.today:
                dose1 = self.today - dt.timedelta(days=1)
            onset = dose1 + dt.timedelta(days=rng.randrange(0, max(1, min(500, (self.today - dose1).days))))
            serious = rng.random() < 0.06
            term = rng.choice(SERIOUS_TERMS if serious else AE_TERMS)
            grade = rng.choice((3, 3, 4)) if serious else rng.choice((1, 1, 1, 2, 2, 3))
            aware = local_instant(onset, 10) + dt.timedelta(hours=rng.randrange(0, 30))
            if aware > dt.datetime.now(dt.UTC):
                aware = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
            resolved = onset + dt.timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.8 else None
            if resolved is not None and resolved > self.today:
                resolved = None
            row = {
                "id": self.new_id("adverse_events"),
                "subject_id": subject_id,
                "term": term,
                "onset_date": onset,
                "resolution_date": resolved,
                "grade": grade,
                "serious": serious,
                "seriousness_criteria": "hospitalisation" if serious else "",
                "relationship": rng.choice(("unrelated", "unlikely", "unlikely", "possible", "probable")),
                "expected": rng.random() < 0.7,
                "action_taken": "none" if not serious else "dose_delayed",
                "outcome": "recovered" if resolved else "recovering",
                "visit_code": None,
                "description": "",
                "aware_at": aware,
                "version": 1,
            }
            self.rows["adverse_events"].append(row)
            groups = self.subject_groups(subject_id)
            groups.append(
                self._group(
                    aware, COORDINATOR, "insert", "adverse_events", row["id"], row, subject_id, skip=("version",)
                )
            )
            # serious AEs are reported within the day, except the few still pending (aware in the last 2 days)
            if serious and aware < dt.datetime.now(dt.UTC) - dt.timedelta(days=2):
                report = {
                    "id": self.new_id("sae_reports"),
                    "adverse_event_id": row["id"],
                    "kind": "initial",
                    "reported_at": aware + dt.timedelta(hours=6),
                    "reported_to": "Sponsor pharmacovigilance",
                    "method": "e-mail",
                    "notes": "",
                }
                self.rows["sae_reports"].append(report)
                groups.append(
                    self._group(
                        report["reported_at"], COORDINATOR, "insert", "sae_reports", report["id"], report, subject_id
                    )
                )

    # -- the audit trail -------------------------------------------------------------------------

    def subject_groups(self, subject_id: int) -> list[Any]:
        if not hasattr(self, "_groups"):
            self._groups: dict[int, list[Any]] = {}
        return self._groups.setdefault(subject_id, [])

    @staticmethod
    def _group(
        when: dt.datetime,
        actor: str,
        action: str,
        table: str,
        record_id: int,
        row: dict[str, Any],
        subject_id: int | None,
        skip: Iterable[str] = (),
    ) -> tuple[dt.datetime, str, str, str, str, list[tuple[str, str | None, str | None]], int | None]:
        skipped = set(skip)
        fields = [
            (key, None, audit_text(value))
            for key, value in row.items()
            if key not in skipped and value is not None and value != ""
        ]
        return (when, actor, action, table, str(record_id), fields, subject_id)

    @staticmethod
    def _update(
        when: dt.datetime,
        actor: str,
        table: str,
        record_id: int,
        changes: list[tuple[str, str | None, str | None]],
        subject_id: int | None,
    ) -> tuple[dt.datetime, str, str, str, str, list[tuple[str, str | None, str | None]], int | None]:
        return (when, actor, "update", table, str(record_id), changes, subject_id)

    def audit_rows(self, already: int) -> list[tuple[Any, ...]]:
        """A chronological sample of every subject's history, ``target - already`` rows in all."""
        budget = max(0, self.counts.audit - already)
        groups_by_subject = getattr(self, "_groups", {})
        available = sum(sum(len(g[5]) for g in groups) for groups in groups_by_subject.values())
        share = min(1.0, budget / available) if available else 0.0
        rows: list[tuple[Any, ...]] = []
        rng = self.rng
        for subject_id in sorted(groups_by_subject):
            for when, actor, action, table, record_id, fields, subject in groups_by_subject[subject_id]:
                for offset, (field, old, new) in enumerate(fields):
                    if share < 1.0 and rng.random() >= share:
                        continue
                    rows.append(
                        (
                            when + dt.timedelta(microseconds=offset),
                            actor,
                            action,
                            table,
                            record_id,
                            field,
                            old,
                            new,
                            subject,
                        )
                    )
        rng.shuffle(rows)
        del rows[budget:]
        while len(rows) < budget:  # top up with sign-off re-reads of the records (rare: only at tiny scales)
            base = (
                rows[len(rows) % max(1, len(rows))]
                if rows
                else (
                    dt.datetime.now(dt.UTC),
                    ADMIN,
                    "update",
                    "site_settings",
                    "max_infusions_per_day",
                    "value",
                    "2",
                    "100",
                    None,
                )
            )
            rows.append((base[0] + dt.timedelta(seconds=1), *base[1:]))
        rows.sort(key=lambda r: r[0])
        return rows

    # -- stage 3: loading --------------------------------------------------------------------------

    def load(self) -> None:
        engine = create_engine(sqlite_url(self.path))

        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=MEMORY")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-1000000")
            cursor.execute("PRAGMA temp_store=MEMORY")
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.close()

        try:
            with engine.begin() as connection:
                self.plan_rows(connection)
            start = time.perf_counter()
            with engine.begin() as connection:
                indexes = connection.execute(
                    text(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                        + ", ".join(f"'{t}'" for t in LOADED)
                        + ")"
                    )
                ).all()
                for name, _sql in indexes:
                    connection.execute(text(f'DROP INDEX "{name}"'))
                for table in LOADED:
                    if table == "audit_log":
                        continue
                    rows = self.rows[table]
                    if rows:
                        model_table = models.Base.metadata.tables[table]
                        for chunk in chunks(rows):
                            connection.execute(insert(model_table), list(chunk))
                self.timings["bulk insert of the records"] = time.perf_counter() - start
                start = time.perf_counter()
                already = int(connection.execute(text("SELECT count(*) FROM audit_log")).scalar() or 0)
                raw = self.audit_rows(already)
                self.timings["audit rows planned"] = time.perf_counter() - start
                start = time.perf_counter()
                head = chain_head(connection)
                audit_table = models.Base.metadata.tables["audit_log"]
                for first in range(0, len(raw), 50_000):
                    batch = []
                    for when, actor, action, table, record_id, field, old, new, subject_id in raw[
                        first : first + 50_000
                    ]:
                        batch.append(
                            {
                                "occurred_at": when.astimezone(dt.UTC),
                                "occurred_local": when.isoformat(timespec="seconds"),
                                "actor": actor,
                                "action": action,
                                "table_name": table,
                                "record_id": record_id,
                                "field": field,
                                "old_value": old,
                                "new_value": new,
                                "reason": None,
                                "subject_id": subject_id,
                            }
                        )
                    linked = link(batch, head)
                    head = (linked[-1]["id"], linked[-1]["row_hash"])
                    connection.execute(insert(audit_table), linked)
                self.timings["audit rows hashed and inserted"] = time.perf_counter() - start
                start = time.perf_counter()
                for _name, sql in indexes:
                    connection.execute(text(sql))
                self.timings["indexes recreated"] = time.perf_counter() - start
                start = time.perf_counter()
                by_trial: dict[int, list[int]] = {}
                for subject in self.rows["subjects"]:
                    by_trial.setdefault(subject["trial_id"], []).append(subject["id"])
                with Session(bind=connection) as session:  # joins this transaction
                    for trial_id, subject_ids in by_trial.items():
                        store_subject_summaries(session, trial_id, subject_ids)
                self.timings["subject summaries stored (as the app keeps them)"] = time.perf_counter() - start
            start = time.perf_counter()
            with engine.connect() as connection:
                problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise RuntimeError(f"foreign key problems in the generated data: {problems[:5]}")
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
                connection.commit()
            self.timings["foreign key check"] = time.perf_counter() - start
        finally:
            engine.dispose()

    def summary(self) -> dict[str, Any]:
        connection = sqlite3.connect(self.path)
        try:
            counted = {
                table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in (
                    "trials",
                    "subjects",
                    "subject_facts",
                    "visits",
                    "lab_results",
                    "adverse_events",
                    "sae_reports",
                    "audit_log",
                    "contacts",
                    "delegations",
                    "users",
                    "signatures",
                    "infusion_records",
                    "eligibility_signoffs",
                    "consents",
                )
            }
            statuses = dict(connection.execute("SELECT status, count(*) FROM subjects GROUP BY status").fetchall())
        finally:
            connection.close()
        largest = self.largest
        return {
            "scale": self.scale,
            "generated_on": self.today.isoformat(),
            "generator_version": GENERATOR_VERSION,
            "schema_revision": migrate.head_revision(),
            "rows": counted,
            "subject_statuses": statuses,
            "largest_trial": {"nct_id": largest["nct"], "id": largest["id"], "subjects": largest["size"]},
            "login": {"username": COORDINATOR, "password": PASSWORD},
            "timings_s": {k: round(v, 2) for k, v in self.timings.items()},
            "bytes": self.path.stat().st_size,
        }


def generate(path: Path, scale: float) -> dict[str, Any]:
    """Write a new database at ``path`` (replacing one there) and return its summary."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    generator = SiteGenerator(path, scale)
    generator.through_the_app()
    generator.load()
    summary = generator.summary()
    summary["seconds"] = round(time.perf_counter() - start, 1)
    return summary


def cached_path(scale: float) -> Path:
    return CACHE / f"site-{scale:g}.sqlite3"


def site_database(scale: float, *, force: bool = False, log: Any = print) -> tuple[Path, dict[str, Any]]:
    """The cached database of ``scale`` (generated when missing, stale, or made by another generator version or for
    another schema: the app would migrate it on the first measured start)."""
    path = cached_path(scale)
    meta_path = path.with_suffix(".json")
    if not force and path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        age = (dt.date.today() - dt.date.fromisoformat(meta["generated_on"])).days
        made_for = (meta.get("generator_version"), meta.get("schema_revision"))
        if made_for == (GENERATOR_VERSION, migrate.head_revision()) and age < MAX_AGE_DAYS:
            meta["reused"] = True
            return path, meta
    log(f"generating the site database at scale {scale:g} in {path} ...")
    partial = path.with_name(path.name + ".partial")
    meta = generate(partial, scale)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    meta_path.write_text(json.dumps(meta, indent=1, ensure_ascii=False))
    meta["reused"] = False
    log(f"  generated in {meta['seconds']} s: {meta['rows']}")
    return path, meta


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the issue's sizes (default); 0.1, 0.01...")
    parser.add_argument("--output", type=Path, help="write here instead of the cache (always generated anew)")
    parser.add_argument("--force", action="store_true", help="regenerate even when the cached file is current")
    args = parser.parse_args(argv)
    if args.output:
        meta = generate(args.output, args.scale)
        args.output.with_suffix(".json").write_text(json.dumps(meta, indent=1, ensure_ascii=False))
        path = args.output
    else:
        path, meta = site_database(args.scale, force=args.force)
    print(json.dumps(meta, indent=1, ensure_ascii=False))
    print(f"database: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
