"""What the fault scripts share: the packaged application as a process, HTTP as a demo user, synthetic Bundles."""
import base64
import glob
import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def call(port, method, path, user, body=None, content_type="application/json", timeout=30):
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(f"http://localhost:{port}{path}", data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:demo".encode()).decode())
    if data is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def bundle(identifier, seed):
    """A small valid screening (one Patient, one fasting glucose) identified by {identifier}."""
    glucose = random.Random(seed).randint(80, 99)
    return json.dumps({
        "resourceType": "Bundle", "type": "collection",
        "identifier": {"system": "https://fault.checkupflow.example/screening", "value": identifier},
        "entry": [
            {"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001", "resource": {
                "resourceType": "Patient", "id": "p1", "gender": "male", "birthDate": "1980-05-05",
                "name": [{"family": "김", "given": ["민수"]}]}},
            {"fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000002", "resource": {
                "resourceType": "Observation", "id": "o1", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "1558-6"}]},
                "subject": {"reference": "urn:uuid:00000000-0000-4000-8000-000000000001"},
                "effectiveDateTime": "2026-05-04T09:00:00+09:00",
                "valueQuantity": {"value": glucose, "unit": "mg/dL", "system": "http://unitsofmeasure.org",
                                  "code": "mg/dL"}}}]})


def jar():
    """The application jar: $CHECKUPFLOW_FAULT_JAR (a copy, so that a rebuild cannot swap it during a run) or target's."""
    if os.environ.get("CHECKUPFLOW_FAULT_JAR"):
        return os.environ["CHECKUPFLOW_FAULT_JAR"]
    found = sorted(glob.glob(os.path.join(ROOT, "target", "checkupflow-*.jar")))
    if not found:
        sys.exit("no target/checkupflow-*.jar: run ./mvnw -q package -DskipTests first")
    return found[-1]


class App:
    """One node: java -jar on {port}, its log in {log_dir}/{name}-{n}.log for its n-th start."""

    def __init__(self, name, port, log_dir, arguments=(), env=None):
        self.name, self.port, self.log_dir = name, port, log_dir
        self.arguments, self.env = list(arguments), env
        self.proc, self.starts, self.log_path = None, 0, None

    def launch(self):
        self.starts += 1
        self.log_path = os.path.join(self.log_dir, f"{self.name}-{self.starts}.log")
        log = open(self.log_path, "w")
        environment = dict(os.environ, **(self.env or {}))
        self.proc = subprocess.Popen(["java", "-Xmx768m", "-jar", jar(), f"--server.port={self.port}"]
                                     + self.arguments, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                     env=environment)
        self.launched = time.time()

    def await_healthy(self, limit=360):
        """Seconds until /actuator/health answered 200, or None when the node exited or never became healthy."""
        while time.time() - self.launched < limit:
            if self.proc.poll() is not None:
                return None
            try:
                with urllib.request.urlopen(f"http://localhost:{self.port}/actuator/health", timeout=5) as r:
                    if r.status == 200:
                        return time.time() - self.launched
            except Exception:
                pass
            time.sleep(1)
        return None

    def start(self):
        self.launch()
        took = self.await_healthy()
        if took is None:
            sys.exit(f"{self.name} did not start; see {self.log_path}")
        return took

    def log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(90)
            except subprocess.TimeoutExpired:
                self.kill9()
