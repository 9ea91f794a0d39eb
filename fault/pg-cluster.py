#!/usr/bin/env python3
"""Two nodes on one PostgreSQL: start together (empty database, engine schema pre-installed), kill -9 under load.

  python3 fault/pg-cluster.py start [--runs 10]     two nodes start at once, N times on an empty database and N
                                                    times on one with the engine schema installed from Camunda's
                                                    SQL scripts; both must come up, with one deployment, one
                                                    authorization setup, filters unique by name, the demo seeded once
  python3 fault/pg-cluster.py kill [--screenings 150]
                                                    two nodes under intake and approvals; node A is killed with
                                                    SIGKILL; every screening must reach review once, every approved
                                                    report be delivered once, no incident; prints the takeover time

PostgreSQL: --pg-port (default 54387), user/password checkupflow (a superuser: the script drops and creates the
database cf_fault); --private-pg starts a throw-away PostgreSQL of its own there instead (initdb and pg_ctl from
Debian's postgresql package, under target/fault/, as the user postgres when run as root) and stops it at the end.
Application: target/checkupflow-*.jar (./mvnw -q package -DskipTests), profile cluster. See docs/fault-suite.md.
"""
import glob
import shutil
import argparse
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import zipfile

from faultlib import ROOT, App, bundle, call, jar

DB = "cf_fault"


def psql(args, sql, database=DB):
    env = dict(os.environ, PGPASSWORD="checkupflow")
    out = subprocess.run(["psql", "-h", "localhost", "-p", str(args.pg_port), "-U", "checkupflow", "-d", database,
                          "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"psql failed: {out.stderr}")
    return out.stdout.strip()


def pg_bin():
    """The directory of initdb and pg_ctl (Debian keeps them out of PATH), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class PrivatePostgres:
    """A PostgreSQL cluster of this run only: initdb, pg_ctl start on --pg-port, a superuser checkupflow."""

    def __init__(self, port):
        self.port, self.bin = port, pg_bin()
        if self.bin is None:
            sys.exit("no PostgreSQL binaries (initdb): apt-get install -y postgresql")
        self.dir = os.path.join(ROOT, "target", "fault", f"pg-{port}-{int(time.time())}")
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *command):
        out = subprocess.run(self.as_postgres + list(command), capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"{command[0]} failed: {out.stdout}{out.stderr}")

    def start(self):
        os.makedirs(self.dir)
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
        data = os.path.join(self.dir, "data")
        self.run(f"{self.bin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.run(f"{self.bin}/pg_ctl", "-D", data, "-l", os.path.join(self.dir, "postgres.log"), "-w", "-o",
                 f"-p {self.port} -k {self.dir} -c fsync=on -c max_connections=200", "start")
        self.run(f"{self.bin}/psql", "-h", self.dir, "-p", str(self.port), "-U", "postgres", "-d", "postgres", "-c",
                 "CREATE ROLE checkupflow LOGIN PASSWORD 'checkupflow' SUPERUSER")
        print(f"private PostgreSQL on port {self.port} in {self.dir}", flush=True)

    def stop(self):
        subprocess.run(self.as_postgres + [f"{self.bin}/pg_ctl", "-D", os.path.join(self.dir, "data"), "-m", "fast",
                                           "-w", "stop"], capture_output=True)


def fresh_database(args):
    psql(args, f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)", "postgres")
    psql(args, f"CREATE DATABASE {DB}", "postgres")


def install_engine_schema(args):
    """Camunda's own create scripts for PostgreSQL, as Camunda recommends for production, from the engine jar."""
    with zipfile.ZipFile(jar()) as boot:
        engine = next(n for n in boot.namelist() if n.startswith("BOOT-INF/lib/camunda-engine-7"))
        with zipfile.ZipFile(io.BytesIO(boot.read(engine))) as lib:
            for part in ("engine", "history", "identity", "case.engine", "case.history", "decision.engine",
                         "decision.history"):
                sql = lib.read(f"org/camunda/bpm/engine/db/create/activiti.postgres.create.{part}.sql").decode()
                psql(args, sql)


def nodes(args, log_dir, demo=True):
    env = {"CHECKUPFLOW_DB_URL": f"jdbc:postgresql://localhost:{args.pg_port}/{DB}",
           "CHECKUPFLOW_DB_USER": "checkupflow", "CHECKUPFLOW_DB_PASSWORD": "checkupflow"}
    common = ["--spring.profiles.active=cluster", f"--checkupflow.data-dir={log_dir}/data",
              f"--checkupflow.demo.screenings={args.demo_screenings if demo else 0}"]
    return [App("node-a", args.port, log_dir, common, env), App("node-b", args.port + 1, log_dir, common, env)]


def start_checks(args, a, b):
    problems = []
    for node in (a, b):
        status, _ = call(node.port, "GET", "/api/analytics/cycle-times", "manager")
        if status != 200:
            problems.append(f"{node.name} answers {status}")
    duplicates = psql(args, "SELECT COUNT(*) FROM (SELECT name_ FROM act_ru_filter GROUP BY name_ HAVING COUNT(*) > 1) d")
    filters = psql(args, "SELECT COUNT(*) FROM act_ru_filter")
    deployments = psql(args, "SELECT COUNT(*) FROM act_re_deployment")
    versions = psql(args, "SELECT MAX(version_) FROM act_re_procdef WHERE key_ = 'screening-report'")
    screenings = psql(args, "SELECT COUNT(*) FROM cf_screening")
    users = psql(args, "SELECT COUNT(*) FROM act_id_user")
    applied = sum(node.log().count("Authorization setup version") - node.log().count("already applied")
                  for node in (a, b))
    if duplicates != "0" or filters == "0":
        problems.append(f"filters {filters}, duplicated names {duplicates}")
    if deployments != "1" or versions != "1":
        problems.append(f"{deployments} deployments, screening-report version {versions}")
    if screenings != str(args.demo_screenings):
        problems.append(f"{screenings} demo screenings (expected {args.demo_screenings})")
    if applied != 1:
        problems.append(f"authorization setup applied {applied} times")
    return problems, f"filters {filters}, deployments {deployments}, screenings {screenings}, users {users}"


def start_suite(args):
    results = {"empty": [0, 0], "preinstalled": [0, 0]}
    for run in range(1, args.runs + 1):
        for mode in ("empty", "preinstalled"):
            log_dir = os.path.join(ROOT, "target", "fault", f"pg-start-{int(time.time())}-{mode}-{run}")
            os.makedirs(log_dir)
            fresh_database(args)
            if mode == "preinstalled":
                install_engine_schema(args)
            a, b = nodes(args, log_dir)
            try:
                a.launch()
                b.launch()
                took = [a.await_healthy(), b.await_healthy()]
                if None in took:
                    problems, figures = [f"{n.name} did not start ({n.log_path})"
                                         for n, t in zip((a, b), took) if t is None], ""
                else:
                    problems, figures = start_checks(args, a, b)
            finally:
                a.stop()
                b.stop()
            results[mode][0 if not problems else 1] += 1
            print(f"run {run} {mode}: " + ("OK" if not problems else "FAILED " + "; ".join(problems))
                  + f" (started in {', '.join('-' if t is None else f'{t:.0f} s' for t in took)}; {figures})",
                  flush=True)
    print("RESULT: " + ", ".join(f"{mode} {ok}/{ok + failed} started together" for mode, (ok, failed)
                                 in results.items()), flush=True)
    return all(failed == 0 for _, failed in results.values())


def kill_suite(args):
    log_dir = os.path.join(ROOT, "target", "fault", f"pg-kill-{int(time.time())}")
    os.makedirs(log_dir)
    fresh_database(args)
    a, b = nodes(args, log_dir, demo=False)
    acknowledged, approved, lock = {}, set(), threading.Lock()
    stop = threading.Event()
    try:
        a.start()
        b.start()
        print(f"two nodes up; logs in {log_dir}", flush=True)
        alive = [a, b]

        def intake(n0):
            n = n0
            while not stop.is_set() and n < args.screenings:
                node = random.choice(alive)
                identifier = f"pg-fault-{n}"
                try:
                    status, body = call(node.port, "POST", "/api/screenings?center=gangnam", "integration",
                                        bundle(identifier, n), "application/fhir+json")
                except Exception:
                    continue  # the node died under the request: re-sent below (idempotent)
                if status in (200, 201):
                    with lock:
                        acknowledged[identifier] = json.loads(body)["id"]
                    n += 2

        def approve():
            while not stop.is_set():
                with lock:
                    candidates = [i for i in acknowledged.values() if i not in approved]
                if not candidates:
                    time.sleep(0.2)
                    continue
                sid = random.choice(candidates)
                try:
                    status, _ = call(random.choice(alive).port, "POST", f"/api/screenings/{sid}/review",
                                     "physicianGangnam", '{"decision":"APPROVE"}')
                except Exception:
                    continue
                if status == 200:
                    with lock:
                        approved.add(sid)
                else:
                    time.sleep(0.1)

        threads = [threading.Thread(target=intake, args=(i,), daemon=True) for i in range(2)]
        threads += [threading.Thread(target=approve, daemon=True) for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(args.kill_after)
        alive.remove(a)
        a.kill9()
        killed = time.time()
        # Work locked at the kill (by either node): the takeover is over when none of it holds that lock any more.
        held = psql(args, "SELECT id_ || '|' || lock_exp_time_ FROM act_ru_job WHERE lock_exp_time_ IS NOT NULL "
                          "UNION ALL SELECT id_ || '|' || lock_exp_time_ FROM act_ru_ext_task "
                          "WHERE lock_exp_time_ > now()").splitlines()
        takeover = None
        while held and time.time() - killed < 600:
            still = psql(args, "SELECT COUNT(*) FROM (SELECT id_ || '|' || lock_exp_time_ AS l FROM act_ru_job "
                               "UNION ALL SELECT id_ || '|' || lock_exp_time_ FROM act_ru_ext_task) t WHERE l IN ("
                               + ",".join("'" + h + "'" for h in held) + ")")
            if still == "0":
                takeover = time.time() - killed
                break
            time.sleep(1)
        print(f"{len(held)} jobs and external tasks were locked at the kill; "
              + (f"all of them released or retaken {takeover:.0f} s after it" if takeover is not None
                 else "none locked" if not held else "NOT retaken within 600 s"), flush=True)
        print(f"node-a killed with {len(acknowledged)} screenings and {len(approved)} approvals acknowledged",
              flush=True)
        for t in threads[:2]:
            t.join(600)
        # Every acknowledged screening approved, so that every one has to be delivered.
        deadline = time.time() + 600
        while time.time() < deadline and len(approved) < len(acknowledged):
            time.sleep(1)
        stop.set()
        approved_at = time.time()
        ids = list(acknowledged.values())
        delivered_at = None
        while time.time() < deadline:
            delivered = psql(args, "SELECT COUNT(*) FROM cf_outbox WHERE kind = 'REPORT' AND status = 'SENT'")
            if int(delivered) >= len(ids):
                delivered_at = time.time()
                break
            time.sleep(1)
        counts = {
            "screenings": psql(args, "SELECT COUNT(*) FROM cf_screening"),
            "duplicated identifiers": psql(args, "SELECT COUNT(*) FROM (SELECT source_value FROM cf_screening "
                                                 "GROUP BY source_system, source_value HAVING COUNT(*) > 1) d"),
            "process instances per screening > 1": psql(args, "SELECT COUNT(*) FROM (SELECT business_key_ FROM "
                                                              "act_hi_procinst WHERE proc_def_key_ = 'screening-report' "
                                                              "GROUP BY business_key_ HAVING COUNT(*) > 1) d"),
            "drafts per round > 1": psql(args, "SELECT COUNT(*) FROM (SELECT screening_id FROM cf_draft GROUP BY "
                                               "screening_id, round HAVING COUNT(*) > 1) d"),
            "reports delivered": psql(args, "SELECT COUNT(*) FROM cf_outbox WHERE status = 'SENT'"),
            "outbox messages per report > 1": psql(args, "SELECT COUNT(*) FROM (SELECT screening_id FROM cf_outbox "
                                                         "GROUP BY screening_id, kind HAVING COUNT(*) > 1) d"),
            "acknowledged present": psql(args, "SELECT COUNT(*) FROM cf_screening WHERE id IN ("
                                               + ",".join(f"'{i}'" for i in ids) + ")") if ids else "0",
            "incidents": psql(args, "SELECT COUNT(*) FROM act_ru_incident"),
        }
    finally:
        stop.set()
        a.stop()
        b.stop()
    lost = len(acknowledged) - int(counts["acknowledged present"])
    ok = (lost == 0 and delivered_at is not None and counts["incidents"] == "0"
          and all(counts[k] == "0" for k in counts if ">" in k or "duplicated" in k))
    print(f"RESULT: {len(acknowledged)} acknowledged screenings, {len(approved)} approved; lost {lost}; {counts}; "
          f"all delivered {'%.0f s after the kill (%.0f s after the last approval)' % (delivered_at - killed, delivered_at - approved_at) if delivered_at else 'NOT within 600 s'}",
          flush=True)
    return ok


def main():
    p = argparse.ArgumentParser()
    p.add_argument("suite", choices=["start", "kill"])
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--port", type=int, default=18087)
    p.add_argument("--pg-port", type=int, default=54387)
    p.add_argument("--demo-screenings", type=int, default=8)
    p.add_argument("--screenings", type=int, default=150)
    p.add_argument("--kill-after", type=float, default=30)
    p.add_argument("--private-pg", action="store_true", help="start a PostgreSQL of this run on --pg-port")
    args = p.parse_args()
    # A SIGTERM (a test's timeout) unwinds through the finally blocks: nodes and the private PostgreSQL stop.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    private = PrivatePostgres(args.pg_port) if args.private_pg else None
    try:
        if private:
            private.start()
        ok = start_suite(args) if args.suite == "start" else kill_suite(args)
    finally:
        if private:
            private.stop()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
