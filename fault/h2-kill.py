#!/usr/bin/env python3
"""kill -9 on the embedded H2 file database: every acknowledged request's effect must be there after a restart.

Starts the packaged application (target/checkupflow-*.jar, build it with ./mvnw -q package -DskipTests) on a fresh
H2 data directory, posts screenings and approves reviews from several threads, kills the JVM with SIGKILL in the
middle of that load, restarts it on the same files and checks that every screening answered 201/200 exists and every
approval answered 200 is recorded and no longer waiting for review. Repeats for --rounds kills on the same database.

  python3 fault/h2-kill.py [--port 18087] [--rounds 3] [--load-seconds 20] [--write-delay DEFAULT|0|500]

--write-delay 500 runs the same check with H2's own default (commits written up to 500 ms late), the baseline.
Exit status 0 when nothing acknowledged was lost. See docs/fault-suite.md.
"""
import argparse
import json
import os
import random
import sys
import threading
import time

from faultlib import ROOT, App, bundle, call


def load(args, round_no, acknowledged, approved, stop, answers):
    """Intake threads post new screenings; approval threads approve screenings that reached review."""
    lock = threading.Lock()
    counter = [0]

    def count(what):
        with lock:
            answers[what] = answers.get(what, 0) + 1

    def intake():
        while not stop.is_set():
            with lock:
                counter[0] += 1
                identifier = f"fault-{round_no}-{counter[0]}"
            try:
                status, body = call(args.port, "POST", "/api/screenings?center=gangnam", "integration",
                                    bundle(identifier, counter[0]), "application/fhir+json")
            except Exception as e:
                count(f"intake {type(e).__name__}")
                continue  # the kill: no answer, nothing acknowledged
            count(f"intake {status}")
            if status in (200, 201):
                with lock:
                    acknowledged[identifier] = json.loads(body)["id"]

    def approve():
        while not stop.is_set():
            with lock:
                candidates = [i for i in acknowledged.values() if i not in approved]
            if not candidates:
                time.sleep(0.2)
                continue
            sid = random.choice(candidates)
            try:
                status, _ = call(args.port, "POST", f"/api/screenings/{sid}/review", "physicianGangnam",
                                 '{"decision":"APPROVE"}')
            except Exception as e:
                count(f"approval {type(e).__name__}")
                continue
            count(f"approval {status}")
            if status == 200:
                with lock:
                    approved.add(sid)
            elif status == 409:
                time.sleep(0.1)  # not yet in review (still drafting) or decided concurrently

    threads = [threading.Thread(target=intake, daemon=True) for _ in range(args.intake_threads)]
    threads += [threading.Thread(target=approve, daemon=True) for _ in range(args.approval_threads)]
    for t in threads:
        t.start()
    return threads


def verify(args, acknowledged, approved):
    lost_screenings, lost_approvals = [], []
    for identifier, sid in acknowledged.items():
        status, _ = call(args.port, "GET", f"/api/screenings/{sid}", "manager")
        if status != 200:
            lost_screenings.append(identifier)
    for sid in approved:
        status, body = call(args.port, "GET", f"/api/screenings/{sid}", "manager")
        view = json.loads(body) if status == 200 else {}
        decisions = [d.get("decision") for d in ((view.get("review") or {}).get("decisions") or [])]
        open_reviews = [t for t in (view.get("openTasks") or []) if t.get("taskDefinitionKey") == "Activity_ReviewReport"]
        if status != 200 or "APPROVE" not in decisions or open_reviews:
            lost_approvals.append(sid)
    return lost_screenings, lost_approvals


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=18087)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--load-seconds", type=float, default=20)
    p.add_argument("--intake-threads", type=int, default=3)
    p.add_argument("--approval-threads", type=int, default=3)
    p.add_argument("--write-delay", default="DEFAULT")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--prepare", type=int, default=40, help="screenings brought to review before the first kill")
    args = p.parse_args()
    random.seed(args.seed)
    data_dir = os.path.join(ROOT, "target", "fault", f"h2-kill-{int(time.time())}")
    os.makedirs(data_dir)
    arguments = [f"--checkupflow.data-dir={data_dir}", "--checkupflow.demo.screenings=0"]
    if args.write_delay != "DEFAULT":
        arguments.append(f"--spring.datasource.url=jdbc:h2:file:{data_dir}/checkupflow;AUTO_SERVER=TRUE;"
                         f"WRITE_DELAY={args.write_delay}")
    app = App("app", args.port, data_dir, arguments)
    total_lost = 0
    acknowledged, approved = {}, set()
    try:
        took = app.start()
        print(f"started in {took:.0f} s; data in {data_dir}; write delay {args.write_delay}", flush=True)
        # Screenings waiting for review before the first kill, so that approvals are under way when it comes.
        for n in range(args.prepare):
            status, body = call(args.port, "POST", "/api/screenings?center=gangnam", "integration",
                                bundle(f"fault-0-{n}", n), "application/fhir+json")
            if status in (200, 201):
                acknowledged[f"fault-0-{n}"] = json.loads(body)["id"]
        waited = time.time()
        while time.time() - waited < 180 and sum(
                1 for sid in acknowledged.values()
                if json.loads(call(args.port, "GET", f"/api/screenings/{sid}", "manager")[1]).get("stage") == "REVIEW"
        ) < args.prepare * 0.8:
            time.sleep(2)
        print(f"{len(acknowledged)} screenings prepared, in review after {time.time() - waited:.0f} s", flush=True)
        for round_no in range(1, args.rounds + 1):
            stop, answers = threading.Event(), {}
            load(args, round_no, acknowledged, approved, stop, answers)
            time.sleep(args.load_seconds * (0.6 + 0.4 * random.random()))
            before = (len(acknowledged), len(approved))
            app.kill9()
            stop.set()
            took = app.start()
            lost_s, lost_a = verify(args, acknowledged, approved)
            total_lost = len(lost_s) + len(lost_a)  # verify checks everything acknowledged so far
            print(f"round {round_no}: kill -9 under load; acknowledged {before[0]} screenings, {before[1]} approvals "
                  f"so far; restart {took:.0f} s; lost so far {len(lost_s)} screenings, {len(lost_a)} approvals"
                  + (f" {lost_s[:5]} {lost_a[:5]}" if lost_s or lost_a else "") + f"; answers {answers}", flush=True)
    finally:
        app.stop()
    print(f"RESULT: {len(acknowledged)} acknowledged screenings, {len(approved)} acknowledged approvals, "
          f"{args.rounds} kills, {total_lost} lost", flush=True)
    sys.exit(1 if total_lost else 0)


if __name__ == "__main__":
    main()
