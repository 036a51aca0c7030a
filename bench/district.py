#!/usr/bin/env python3
"""District benchmark helper (used by bench/district.sh).

    district.py generate --sqlite FILE | --postgres URL  [--scale S]
        Fills a migrated, empty STEMbridge database with a district: 10
        schools, 50,000 students with demographics and a guardian each,
        2,000 verified organizations with an employer each, 100,000
        published postings, 200,000 applications and a school year of
        placements, hours and belonging answers (every count times S).
        Accounts (10 counselors, the employers, 5% of the students) share
        the admin's password hash, copied from the `app_user` row that
        `stembridge create-admin` made.

    district.py time --base URL --password PW [--requests N]
        Signs in as the admin, a counselor, an employer and a student and
        times every page each one reads (p50, p95, size); prints a Markdown
        table.

Only the standard library: sqlite3 for SQLite, `psql \\copy` for PostgreSQL.
"""

import argparse
import csv
import datetime as dt
import http.cookiejar
import io
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

NOW = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
TODAY = NOW.date()
GENDERS = ["Female", "Male", "Nonbinary"]
RACES = ["Hispanic or Latino", "Black or African American", "White", "Asian",
         "Two or more races", "American Indian or Alaska Native", None]
KINDS = ["internship", "job_shadow", "apprenticeship", "virtual_experience"]
FIELDS = ["computer_science", "engineering", "life_sciences", "health", "physical_sciences",
          "math_and_data", "environmental_science", "advanced_manufacturing"]
MODES = ["on_site", "hybrid", "remote"]
FEATURES = ["paid", "remote_ok", "transit_accessible", "transportation_support",
            "wheelchair_accessible", "flexible_schedule", "after_school", "weekends", "summer",
            "equipment_provided", "asl_or_captioning", "no_experience_required", "mentor_assigned"]
WORDS = ["robotics", "data", "lab", "river", "clinic", "bridge", "solar", "coding", "biology",
         "chemistry", "drone", "water", "health", "factory", "map", "weather", "game", "energy"]
# ZIP codes of one metro area (Chicago), present in the project's centroid file.
ZIPS = ["60608", "60601", "60614", "60622", "60647", "60609", "60616", "60625", "60640", "60657"]


def ts(when):
    """A timestamp as sea-orm stores it in SQLite (RFC 3339); PostgreSQL reads it too."""
    return when.isoformat()


def rand_time(rng, days_back):
    return NOW - dt.timedelta(days=rng.uniform(0, days_back), seconds=rng.randint(0, 86399))


def generate(args):
    rng = random.Random(16)
    s = args.scale
    n_students = int(50_000 * s)
    n_orgs = max(10, int(2_000 * s))
    n_postings = int(100_000 * s)
    n_applications = int(200_000 * s)
    tables = {}

    def table(name, columns):
        tables[name] = (columns, [])
        return tables[name][1]

    if args.sqlite:
        con = sqlite3.connect(args.sqlite)
        pw_hash = con.execute("SELECT password_hash FROM app_user WHERE role = 'admin'").fetchone()[0]
    else:
        pw_hash = subprocess.run(
            ["psql", args.postgres, "-tAc", "SELECT password_hash FROM app_user WHERE role = 'admin'"],
            check=True, capture_output=True, text=True).stdout.strip()
    # Ids: the admin is user 1; everything else starts at 2 (users) or 1.
    users = table("app_user", ["id", "email", "password_hash", "display_name", "role",
                               "organization_id", "created_at", "email_confirmed_at",
                               "session_generation", "mail_updates", "mail_digest"])
    next_user = [2]

    def user(email, name, role, org=None):
        uid = next_user[0]
        next_user[0] += 1
        users.append([uid, email, pw_hash, name, role, org, ts(NOW), ts(NOW), 0, False, False])
        return uid

    schools = table("school", ["id", "name", "sourced_id", "zip", "created_at"])
    counselor_school = table("counselor_school", ["user_id", "school_id"])
    for i in range(1, 11):
        schools.append([i, f"School {i}", f"sch-{i}", ZIPS[i - 1], ts(NOW)])
        counselor_school.append([user(f"counselor{i}@bench.test", f"Counselor {i}", "counselor"), i])

    orgs = table("organization", ["id", "name", "website", "description", "address", "zip",
                                  "contact_email", "contact_phone", "status", "created_at"])
    employer_of = {}
    for o in range(1, n_orgs + 1):
        orgs.append([o, f"Org {o} Labs", f"https://org{o}.example", "We build things.",
                     f"{o} Main St", rng.choice(ZIPS), f"hr{o}@org.example", "555-0100",
                     "verified", ts(NOW)])
        employer_of[o] = user(f"employer{o}@bench.test", f"Employer {o}", "employer", o)

    postings = table("opportunity", [
        "id", "organization_id", "title", "description", "kind", "field", "mode", "status",
        "address", "zip", "latitude", "longitude", "compensation", "hourly_wage_cents",
        "stipend_cents", "hours_per_week", "schedule", "start_date", "end_date", "deadline",
        "min_grade", "max_grade", "slots", "languages", "skills", "created_by", "created_at",
        "updated_at", "published_at", "written_in", "allocation"])
    features = table("opportunity_feature", ["opportunity_id", "feature"])
    for p in range(1, n_postings + 1):
        org = (p - 1) % n_orgs + 1
        words = rng.sample(WORDS, 3)
        kind = rng.choice(KINDS)
        paid = rng.random() < 0.5
        created = rand_time(rng, 300)
        postings.append([
            p, org, f"{words[0].title()} {words[1]} {kind.replace('_', ' ')} {p}",
            f"Work on {words[0]}, {words[1]} and {words[2]} with our team.",
            kind, rng.choice(FIELDS), rng.choice(MODES), "published",
            f"{p} Lake St", rng.choice(ZIPS), 41.85 + rng.uniform(-0.1, 0.1),
            -87.65 + rng.uniform(-0.1, 0.1), "hourly" if paid else "unpaid",
            1800 if paid else None, None, rng.choice([5, 10, 15]), "Weekdays after school",
            str(TODAY + dt.timedelta(days=30)), str(TODAY + dt.timedelta(days=120)),
            str(TODAY + dt.timedelta(days=rng.randint(1, 60))), 9, 12, rng.randint(1, 5), "en",
            "", employer_of[org], ts(created), ts(created), ts(created), "en",
            # Seat-based kinds draw their seats (Allocation::default_for).
            "fair_draw" if kind in ("job_shadow", "virtual_experience") else "first_come"])
        for feature in rng.sample(FEATURES, rng.randint(0, 4)):
            features.append([p, feature])

    students = table("student", [
        "id", "school_id", "user_id", "first_name", "last_name", "grade", "active", "created_at",
        "date_of_birth", "home_zip", "interests", "languages", "sourced_id", "gender",
        "race_ethnicity", "low_income", "english_learner", "disability", "first_generation"])
    guardians = table("guardian", ["id", "sourced_id", "given_name", "family_name", "email",
                                   "language", "active", "created_at", "updated_at", "mail_updates"])
    student_guardian = table("student_guardian", ["student_id", "guardian_id"])
    for st in range(1, n_students + 1):
        grade = rng.choice([9, 10, 11, 12, 9, 10, 11, 12, 8, 13])
        account = user(f"student{st}@bench.test", f"Student {st}", "student") if st % 20 == 0 else None
        students.append([
            st, (st - 1) % 10 + 1, account, f"First{st}", f"Last{st}", grade, True, ts(NOW),
            str(dt.date(TODAY.year - grade - 5, rng.randint(1, 12), rng.randint(1, 28))),
            rng.choice(ZIPS), "", "en", f"stu-{st}", rng.choice(GENDERS),
            rng.choice(RACES), rng.random() < 0.45, rng.random() < 0.2, rng.random() < 0.12,
            rng.random() < 0.35])
        guardians.append([st, f"g-{st}", f"Parent{st}", f"Last{st}", f"parent{st}@family.example",
                          rng.choice(["en", "es"]), True, ts(NOW), ts(NOW), True])
        student_guardian.append([st, st])

    applications = table("application", ["id", "opportunity_id", "student_id", "status", "note",
                                         "availability", "accommodations", "created_at",
                                         "updated_at"])
    placements = table("placement", ["id", "application_id", "opportunity_id", "student_id",
                                     "status", "start_date", "end_date", "created_at",
                                     "ended_at", "mentor_name"])
    hours = table("hour_log", ["id", "placement_id", "work_date", "quarter_hours", "description",
                               "status", "created_at"])
    belonging = table("belonging_response", ["id", "placement_id", "student_id", "stage", "score",
                                             "created_at"])
    seen = set()
    a = 0
    # Engagement is uneven on purpose: a third of the students never apply.
    active_students = [st for st in range(1, n_students + 1) if rng.random() < 0.66]
    while a < n_applications:
        st = rng.choice(active_students)
        p = rng.randint(1, n_postings)
        if (p, st) in seen:
            continue
        seen.add((p, st))
        a += 1
        created = rand_time(rng, 365)
        roll = rng.random()
        status = ("accepted" if roll < 0.08 else "rejected" if roll < 0.3 else
                  "reviewing" if roll < 0.5 else "submitted")
        applications.append([a, p, st, status, "", "", "", ts(created), ts(created)])
        if status == "accepted":
            pid = len(placements) + 1
            started = created + dt.timedelta(days=7)
            kind = rng.random()
            pstatus = ("completed" if kind < 0.5 else "active" if kind < 0.85 else
                       "awaiting_consent")
            ended = started + dt.timedelta(days=40) if pstatus == "completed" else None
            if ended and ended > NOW:
                pstatus, ended = "active", None
            placements.append([pid, a, p, st, pstatus, str(started.date()),
                               str((started + dt.timedelta(days=60)).date()), ts(started),
                               ts(ended) if ended else None,
                               "Dana Mentor" if rng.random() < 0.6 else None])
            if pstatus != "awaiting_consent":
                for h in range(3):
                    hours.append([len(hours) + 1, pid, str((started + dt.timedelta(days=h)).date()),
                                  12, "Lab work", rng.choice(["approved", "pending"]),
                                  ts(started + dt.timedelta(days=h))])
                before = rng.randint(1, 4)
                belonging.append([len(belonging) + 1, pid, st, "before", before, ts(started)])
                if ended:
                    belonging.append([len(belonging) + 1, pid, st, "after",
                                      min(5, before + rng.choice([0, 1, 1, 2])), ts(ended)])

    order = ["school", "organization", "app_user", "counselor_school", "opportunity",
             "opportunity_feature", "student", "guardian", "student_guardian", "application",
             "placement", "hour_log", "belonging_response"]
    started = time.time()
    if args.sqlite:
        con.execute("PRAGMA foreign_keys = OFF")
        with con:
            for name in order:
                columns, rows = tables[name]
                con.executemany(
                    f'INSERT INTO "{name}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})',
                    rows)
        con.execute("ANALYZE")
        con.close()
    else:
        for name in order:
            columns, rows = tables[name]
            buf = io.StringIO()
            writer = csv.writer(buf)
            for row in rows:
                # A marker for NULL, so that an empty text stays an empty text.
                writer.writerow(["@NULL@" if v is None else ("true" if v is True else "false" if v is False else v)
                                 for v in row])
            subprocess.run(["psql", args.postgres, "-q", "-v", "ON_ERROR_STOP=1", "-c",
                            f'\\copy "{name}" ({", ".join(columns)}) FROM STDIN WITH (FORMAT csv, NULL \'@NULL@\')'],
                           input=buf.getvalue(), text=True, check=True)
        seq = ";".join(f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), (SELECT MAX(id) FROM \"{t}\"))"
                       for t in ["school", "organization", "app_user", "opportunity", "student",
                                 "guardian", "application", "placement", "hour_log", "belonging_response"])
        subprocess.run(["psql", args.postgres, "-q", "-c", seq], check=True, capture_output=True)
        # VACUUM too: index-only scans need the visibility map it writes.
        subprocess.run(["psql", args.postgres, "-q", "-c", "VACUUM ANALYZE"], check=True)
    counts = {name: len(rows) for name, (_, rows) in tables.items()}
    print(f"loaded in {time.time() - started:.1f} s: " +
          ", ".join(f"{v:,} {k}" for k, v in counts.items()), file=sys.stderr)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """A signed-in browser: cookies, CSRF token from the login form."""

    def __init__(self, base):
        self.base = base
        jar = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(jar)
        self.poster = urllib.request.build_opener(jar, NoRedirect())
        self.token = None

    def post(self, path, fields):
        """POSTs a form with the session's CSRF token; returns (status, Location)."""
        data = urllib.parse.urlencode([("csrf_token", self.token)] + fields).encode()
        try:
            with self.poster.open(self.base + path, data=data) as response:
                response.read()
                return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:
            error.read()
            return error.code, error.headers.get("Location")

    def get(self, path):
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path) as response:
                body = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            body = error.read()
            status = error.code
        return status, body, (time.perf_counter() - started) * 1000

    def login(self, email, password):
        _, body, _ = self.get("/login")
        token = re.search(rb'name="csrf_token" value="([^"]+)"', body).group(1).decode()
        data = urllib.parse.urlencode({"csrf_token": token, "email": email,
                                       "password": password}).encode()
        with self.opener.open(self.base + "/login", data=data) as response:
            body = response.read()
        found = re.search(rb'name="csrf_token" value="([^"]+)"', body)
        self.token = found.group(1).decode() if found else token
        return self


def publish_to_searchable(employer, runs):
    """Drafts and publishes postings over HTTP; times publish -> found by the API."""
    day = lambda n: str(TODAY + dt.timedelta(days=n))
    delays = []
    for i in range(runs):
        word = f"probe{random.randint(10**6, 10**7)}"
        fields = [("title", f"Lab {word} intern"), ("description", "Test robots with us."),
                  ("kind", "internship"), ("field", "engineering"), ("mode", "on_site"),
                  ("address", "233 S Wacker Dr"), ("zip", "60606"), ("compensation", "unpaid"),
                  ("hourly_wage", ""), ("stipend", ""), ("hours_per_week", "10"),
                  ("schedule", "Tuesdays"), ("start_date", day(60)), ("end_date", day(120)),
                  ("start_time", ""), ("end_time", ""), ("deadline", day(30)),
                  ("min_grade", "9"), ("max_grade", "12"), ("min_age", ""), ("slots", "3"),
                  ("languages", "en"), ("skills", "")]
        status, location = employer.post("/employer/opportunities", fields)
        if status != 303:
            print(f"draft refused: {status}", file=sys.stderr)
            return None
        posting = location.rstrip("/").rsplit("/", 1)[1]
        started = time.perf_counter()
        employer.post(f"/employer/opportunities/{posting}/publish", [])
        while True:
            _, body, _ = employer.get(f"/api/v1/opportunities?q={word}&per_page=1")
            if b'"total":0' not in body.replace(b" ", b""):
                break
            if time.perf_counter() - started > 5:
                print("not searchable after 5 s", file=sys.stderr)
                break
            time.sleep(0.002)
        delays.append((time.perf_counter() - started) * 1000)
    delays.sort()
    return delays


def cpu_ms(pid):
    """The server's CPU time so far (user + system), in milliseconds: unlike
    the wall time, it hardly depends on what else the machine runs."""
    if not pid:
        return 0.0
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


class Writer:
    """One write at one school before a timed request (`--write-db`): an
    application submitted by a random active student of the school, straight
    into the database. Every remembered figure of that school is stale
    after it, as on a live district where applications keep coming."""

    def __init__(self, target, school):
        kind, _, where = target.partition(":")
        self.kind, self.where = kind, where
        ids = "SELECT id FROM student WHERE active AND school_id = %d" % school
        if kind == "sqlite":
            self.db = sqlite3.connect(where, timeout=30, isolation_level=None)
            self.students = [r[0] for r in self.db.execute(ids)]
        else:
            out = subprocess.run(["psql", where, "-tAc", ids], check=True,
                                 capture_output=True, text=True).stdout
            self.students = [int(x) for x in out.split()]
        self.opportunities = 100_000

    def write(self):
        student = random.choice(self.students)
        opportunity = random.randint(1, self.opportunities)
        if self.kind == "sqlite":
            now = dt.datetime.now(dt.timezone.utc).isoformat()
            self.db.execute(
                "INSERT OR IGNORE INTO application (opportunity_id, student_id, status, note, "
                "availability, accommodations, created_at, updated_at) "
                "VALUES (?, ?, 'submitted', '', '', '', ?, ?)", (opportunity, student, now, now))
        else:
            subprocess.run(["psql", self.where, "-qc",
                            "INSERT INTO application (opportunity_id, student_id, status, note, "
                            "availability, accommodations, created_at, updated_at) "
                            f"SELECT id, {student}, 'submitted', '', '', '', now(), now() "
                            f"FROM opportunity WHERE id = {opportunity} ON CONFLICT DO NOTHING"],
                           check=True, capture_output=True)


def timed(args):
    base = args.base
    writer = Writer(args.write_db, args.write_school) if args.write_db else None
    admin = Session(base).login("admin@bench.test", args.password)
    counselor = Session(base).login("counselor1@bench.test", args.password)
    employer = Session(base).login("employer1@bench.test", args.password)
    student = Session(base).login("student20@bench.test", args.password)
    # An employer's posting with applicants, a placement, a student record.
    _, body, _ = employer.get("/employer")
    posting = re.search(rb"/employer/opportunities/(\d+)/applicants", body)
    posting = posting.group(1).decode() if posting else "1"
    pages = [
        ("counselor", counselor, "/counselor/dashboard"),
        ("counselor", counselor, "/counselor"),
        ("counselor", counselor, "/counselor?q=Last4241"),
        ("counselor", counselor, "/counselor?page=40"),
        ("counselor", counselor, "/counselor/outreach"),
        ("counselor", counselor, "/counselor/outreach?status=not_engaged"),
        ("counselor", counselor, "/counselor/outreach?q=First4241"),
        ("counselor", counselor, "/counselor/placements"),
        ("counselor", counselor, "/counselor/students/11"),
        ("counselor", counselor, "/counselor/roster"),
        ("admin", admin, "/counselor/dashboard"),
        ("admin", admin, "/counselor"),
        ("admin", admin, "/counselor/outreach"),
        ("admin", admin, "/counselor/placements"),
        ("admin", admin, "/admin"),
        ("admin", admin, "/admin/audit"),
        ("admin", admin, "/admin/accounts"),
        ("admin", admin, "/admin/mail"),
        ("admin", admin, "/organizations/review"),
        ("employer", employer, "/employer"),
        ("employer", employer, f"/employer/opportunities/{posting}/applicants"),
        ("employer", employer, "/notifications"),
        ("student", student, "/student"),
        ("student", student, "/search"),
        ("student", student, "/search?q=robotics&need=paid"),
        ("student", student, "/api/v1/opportunities?q=data&per_page=20"),
        ("student", student, f"/opportunities/{posting}"),
    ]
    if args.pages:
        pages = [p for p in pages if re.search(args.pages, f"{p[0]} {p[2]}")]
    # The first request of a page is timed apart: the counselor pages
    # remember a scope's figures (STATS_CACHE_SECONDS), so it is the one
    # that counts them (cold); the 20 after it may be answered from memory.
    if writer:
        print(f"(before every request, one application written at school {args.write_school})\n")
    print("| who | page | status | size | first request | p50 | p95 | server CPU per page |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for who, session, path in pages:
        if writer:
            writer.write()
        _, _, first = session.get(path)
        times, size, status = [], 0, 0
        cpu = cpu_ms(args.pid)
        for _ in range(args.requests):
            if writer:
                writer.write()
            status, body, ms = session.get(path)
            times.append(ms)
            size = len(body)
        cpu = (cpu_ms(args.pid) - cpu) / args.requests
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        cpu_cell = f"{cpu:.1f} ms" if args.pid else ""
        print(f"| {who} | `{path}` | {status} | {size / 1024:.1f} KB | {first:.1f} ms | "
              f"{statistics.median(times):.1f} ms | {p95:.1f} ms | {cpu_cell} |", flush=True)
    delays = publish_to_searchable(employer, args.publishes)
    if delays:
        p95 = delays[min(len(delays) - 1, int(round(0.95 * (len(delays) - 1))))]
        print(f"| employer | publish → found by `/api/v1/opportunities` ({len(delays)} postings) | | | | "
              f"{statistics.median(delays):.1f} ms | {p95:.1f} ms | |")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--sqlite")
    g.add_argument("--postgres")
    g.add_argument("--scale", type=float, default=1.0)
    t = sub.add_parser("time")
    t.add_argument("--base", required=True)
    t.add_argument("--password", required=True)
    t.add_argument("--requests", type=int, default=20)
    t.add_argument("--publishes", type=int, default=20)
    t.add_argument("--pages", help="time only the pages whose 'who path' matches this regex")
    t.add_argument("--pid", type=int, help="the server's process id (for its CPU time)")
    t.add_argument("--write-db", help="sqlite:FILE or postgres:URL: one write before every request")
    t.add_argument("--write-school", type=int, default=1, help="the school written to")
    args = parser.parse_args()
    if args.command == "generate":
        if not (args.sqlite or args.postgres):
            parser.error("generate needs --sqlite FILE or --postgres URL")
        generate(args)
    else:
        timed(args)


if __name__ == "__main__":
    main()
