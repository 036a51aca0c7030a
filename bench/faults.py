#!/usr/bin/env python3
"""Fault drills against a real release server (see bench/faults.sh).

kill9:   employers create and publish postings and students apply while the
         server is killed with SIGKILL; after a restart every write that was
         acknowledged (a redirect after POST) must be there, every published
         posting findable, and no seat held twice.
pgdown:  (PostgreSQL) the database is restarted under a read load; requests
         must fail fast with 503 (never hang past the pool timeout) and the
         same server must recover by itself.
diskfull: (SQLite, DATA_DIR on a small tmpfs) the disk is filled while
         employers post and students search; writes must be refused with a
         503 page that says so, reads must still work, nothing may be half
         written, and writes must succeed again once space returns, with
         no restart.
Standard library only, so it runs wherever python3 does.
"""
import http.cookiejar, json, os, re, signal, subprocess, sys, threading, time
import urllib.error, urllib.parse, urllib.request

PASSWORD = "demo-password-2026"


class Client:
    def __init__(self, base, jar=None):
        self.base = base
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, method, path, fields=None, timeout=30):
        data = urllib.parse.urlencode(fields, doseq=True).encode() if fields is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, r.headers, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def csrf(self, page):
        _, _, html = self.request("GET", page)
        m = re.search(r'name="csrf_token" value="([^"]+)"', html)
        return m.group(1) if m else ""

    def post(self, page, action, fields):
        return self.request("POST", action, dict(fields, csrf_token=self.csrf(page)))

    def login(self, email):
        status, _, _ = self.post("/login", "/login", {"email": email, "password": PASSWORD})
        if status != 303:
            raise SystemExit(f"login of {email} failed: {status}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def posting(title):
    return {
        "title": title, "description": "Fault drill posting.", "kind": "internship",
        "field": "computer_science", "mode": "on_site", "address": "1 Main St", "zip": "60601",
        "compensation": "hourly", "hourly_wage": "18.50", "start_date": "2027-06-15",
        "end_date": "2027-08-15", "deadline": "2027-05-01", "min_grade": "9",
        "max_grade": "12", "slots": "3", "languages": "en",
    }


def kill9(base, restart, query, seconds):
    """Returns a dict of the drill's numbers."""
    acknowledged_postings, acknowledged_applications = [], []
    lock = threading.Lock()
    stop = threading.Event()
    errors = {"refused": 0, "connection": 0}

    def employer(n):
        c = Client(base)
        c.login(f"employer{n}@demo.stembridge.test")
        i = 0
        while not stop.is_set():
            i += 1
            title = f"Drill e{n} n{i} zq{n}x{i}"
            try:
                s, h, _ = c.post("/employer/opportunities/new", "/employer/opportunities", posting(title))
                if s != 303:
                    errors["refused"] += 1
                    continue
                oid = int(h["location"].rsplit("/", 1)[1])
                s, _, _ = c.post(f"/employer/opportunities/{oid}", f"/employer/opportunities/{oid}/publish", {})
                if s == 303:
                    with lock:
                        acknowledged_postings.append((oid, f"zq{n}x{i}"))
            except (OSError, urllib.error.URLError):
                errors["connection"] += 1
                return

    def student(n):
        c = Client(base)
        c.login(f"ana.rivera{n}@demo.stembridge.test")
        tried = set()
        while not stop.is_set():
            with lock:
                todo = [oid for oid, _ in acknowledged_postings if oid not in tried]
            if not todo:
                time.sleep(0.05)
                continue
            oid = todo[0]
            tried.add(oid)
            try:
                s, _, _ = c.post(f"/opportunities/{oid}", f"/opportunities/{oid}/apply",
                                 {"note": "drill", "availability": "summer", "accommodations": ""})
                if s == 303:
                    with lock:
                        acknowledged_applications.append((n, oid))
            except (OSError, urllib.error.URLError):
                errors["connection"] += 1
                return

    threads = [threading.Thread(target=employer, args=(n,)) for n in range(1, 5)]
    threads += [threading.Thread(target=student, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    server = restart("kill")  # SIGKILL mid-load, then start again
    stop.set()
    for t in threads:
        t.join()
    ids = [oid for oid, _ in acknowledged_postings]
    present = set(r[0] for r in query(
        f"SELECT id FROM opportunity WHERE status = 'published' AND id IN ({','.join(map(str, ids)) or 0})"))
    lost_postings = [oid for oid in ids if oid not in present]
    apps = query(
        "SELECT s.id, a.opportunity_id FROM application a JOIN student s ON s.id = a.student_id")
    student_of = dict(query(
        "SELECT u.email, s.id FROM student s JOIN app_user u ON u.id = s.user_id "
        "WHERE u.email LIKE 'ana.rivera%'"))
    have = set((sid, oid) for sid, oid in apps)
    lost_applications = [
        (n, oid) for n, oid in acknowledged_applications
        if (student_of.get(f"ana.rivera{n}@demo.stembridge.test"), oid) not in have]
    oversold = query(
        "SELECT o.id FROM opportunity o WHERE o.slots < "
        "(SELECT count(*) FROM placement p WHERE p.opportunity_id = o.id "
        "AND p.status IN ('awaiting_consent', 'active', 'completed', 'ended_early'))")
    # Every acknowledged posting findable once the outbox has drained.
    deadline = time.time() + 60
    c = Client(base)
    while time.time() < deadline:
        _, _, body = c.request("GET", "/readyz")
        if json.loads(body).get("search_outbox", {}).get("pending") == 0:
            break
        time.sleep(0.5)
    unfindable = []
    for oid, word in acknowledged_postings:
        _, _, body = c.request("GET", f"/api/v1/opportunities?q={word}")
        if f'"id":{oid}' not in body.replace(" ", ""):
            unfindable.append(oid)
    return {
        "acknowledged postings": len(acknowledged_postings),
        "lost postings": len(lost_postings),
        "acknowledged applications": len(acknowledged_applications),
        "lost applications": len(lost_applications),
        "over-full postings": len(oversold),
        "postings not findable after restart": len(unfindable),
    }


def pgdown(base, restart_db):
    """Restarts PostgreSQL under a read load; returns the drill's numbers."""
    c = Client(base)
    c.login("employer1@demo.stembridge.test")
    if c.request("GET", "/employer")[0] != 200:
        raise SystemExit("the drill's employer is not signed in")
    statuses, slowest = {}, 0.0
    stop = threading.Event()

    def load():
        mine = Client(base, c.jar)  # the signed-in employer's session
        nonlocal slowest
        while not stop.is_set():
            started = time.time()
            try:
                s, _, _ = mine.request("GET", "/employer", timeout=60)
            except (OSError, urllib.error.URLError):
                s = "connection error"
            took = time.time() - started
            slowest = max(slowest, took)
            statuses[s] = statuses.get(s, 0) + 1

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(2)
    down_at = time.time()
    restart_db()
    recovered_after = None
    while time.time() - down_at < 120:
        s, _, _ = Client(base).request("GET", "/readyz")
        if s == 200:
            recovered_after = time.time() - down_at
            break
        time.sleep(0.2)
    time.sleep(2)
    stop.set()
    for t in threads:
        t.join()
    return {
        "answers during the drill": json.dumps(statuses, sort_keys=True, default=str),
        "slowest answer (s)": round(slowest, 2),
        "ready again after (s)": None if recovered_after is None else round(recovered_after, 1),
        "5xx other than 503": sum(v for k, v in statuses.items() if isinstance(k, int) and k >= 500 and k != 503),
    }


def diskfull(base, data_dir, query):
    """Fills DATA_DIR under a write and read load; returns the drill's numbers."""
    employer, student = Client(base), Client(base)
    employer.login("employer1@demo.stembridge.test")
    student.login("ana.rivera1@demo.stembridge.test")
    filler = os.path.join(data_dir, "filler")

    def write(tag):
        s, h, body = employer.post("/employer/opportunities/new", "/employer/opportunities",
                                   posting(f"Disk drill {tag}"))
        return s, body

    acknowledged, statuses, refusals_unexplained = [], {}, 0
    for i in range(5):
        s, _ = write(f"before {i}")
        if s == 303:
            acknowledged.append(f"before {i}")
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # unbuffered: fill every byte left
    for size in (1 << 20, 4096, 1):
        try:
            while True:
                os.write(fd, b"\0" * size)
        except OSError:
            pass
    os.close(fd)
    reads_ok = reads = 0
    form_pages, failed_reads = {}, {}
    for i in range(20):
        s, _, _ = employer.request("GET", "/employer/opportunities/new")
        form_pages[s] = form_pages.get(s, 0) + 1
        s, body = write(f"full {i}")
        statuses[s] = statuses.get(s, 0) + 1
        if s == 303:
            acknowledged.append(f"full {i}")
        elif s != 503 or "storage is full" not in body:
            refusals_unexplained += 1
        for page in ("/search?q=robotics", "/student", "/student/profile"):
            reads += 1
            s = student.request("GET", page)[0]
            reads_ok += s == 200
            if s != 200:
                failed_reads[f"{page} {s}"] = failed_reads.get(f"{page} {s}", 0) + 1
    os.remove(filler)
    recovered_after = None
    started = time.time()
    while time.time() - started < 30:
        s, _ = write(f"after {len(acknowledged)}")
        if s == 303:
            acknowledged.append(f"after {len(acknowledged)}")
            recovered_after = time.time() - started
            break
        time.sleep(0.2)
    titles = [t for (t,) in query("SELECT title FROM opportunity WHERE title LIKE 'Disk drill %'")]
    lost = [t for t in acknowledged if f"Disk drill {t}" not in titles]
    unacknowledged_present = len(titles) - (len(acknowledged) - len(lost))
    integrity = query("PRAGMA integrity_check")[0][0]
    return {
        "write answers while full": json.dumps(statuses, sort_keys=True),
        "refusals without the storage-full page": refusals_unexplained,
        "reads answered 200 while full": f"{reads_ok}/{reads}",
        "failed reads": json.dumps(failed_reads, sort_keys=True),
        "the posting form while full": json.dumps(form_pages, sort_keys=True),
        "acknowledged writes lost": len(lost),
        "refused writes present": unacknowledged_present,
        "integrity_check": integrity,
        "writes again after (s)": None if recovered_after is None else round(recovered_after, 2),
    }


if __name__ == "__main__":
    drill, base = sys.argv[1], sys.argv[2]
    if drill == "kill9":
        backend, seconds = sys.argv[3], float(sys.argv[4])
        server_cmd = json.loads(os.environ["SERVER_CMD"])

        def query(sql):
            if backend == "sqlite":
                import sqlite3
                db = sqlite3.connect(os.environ["SQLITE_PATH"])
                return db.execute(sql).fetchall()
            out = subprocess.run(["psql", os.environ["DATABASE_URL"], "-At", "-F", "\t", "-c", sql],
                                 check=True, capture_output=True, text=True).stdout
            return [tuple(int(x) if x.lstrip("-").isdigit() else x for x in line.split("\t"))
                    for line in out.splitlines() if line]

        def restart(_):
            pid = int(open(os.environ["PID_FILE"]).read())
            os.kill(pid, signal.SIGKILL)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                while os.path.exists(f"/proc/{pid}"):
                    time.sleep(0.05)
            log = open(os.path.join(os.environ["DATA_DIR"], "server.log"), "a")
            proc = subprocess.Popen(server_cmd, env=os.environ.copy(), stdout=log, stderr=log)
            open(os.environ["PID_FILE"], "w").write(str(proc.pid))
            for _ in range(300):
                try:
                    if Client(base).request("GET", "/healthz", timeout=2)[0] == 200:
                        return proc
                except OSError:
                    pass
                time.sleep(0.2)
            raise SystemExit("server did not come back")

        result = kill9(base, restart, query, seconds)
    elif drill == "diskfull":
        import sqlite3

        def query(sql):
            return sqlite3.connect(os.environ["SQLITE_PATH"]).execute(sql).fetchall()

        result = diskfull(base, os.environ["DATA_DIR"], query)
    else:
        result = pgdown(base, lambda: subprocess.run(os.environ["PG_RESTART"], shell=True, check=True))
    print(json.dumps(result))
