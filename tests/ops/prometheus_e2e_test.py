#!/usr/bin/env python3
"""End to end: a real Prometheus scrapes a running earshot fed with the demo
data, and every Grafana panel query, every dashboard variable and every alert
expression returns series over Prometheus' HTTP API.

What runs:
  1. `earshot demo --follow` (embedded broker, the sample posts through the
     pipeline, then it keeps serving /metrics);
  2. kcat keeps producing the sample files (posts, reviews, tweets and the
     malformed records) to the demo's input topic every two seconds, so
     counters move and rates are real, not zero;
  3. Prometheus (the Debian package's server) with its own config and
     storage in a temporary directory, on a free loopback port, scraping
     earshot every second and loading ops/prometheus/rules/earshot.rules.yml.

What is checked, each line reported as OK or FAIL:
  - /healthz answers 200 and /readyz answers 200 once the demo is following;
  - every target of every panel in ops/grafana/earshot.json, with the
    dashboard variables at "All", returns at least one series
    (query_range over the last minute, or an instant query for instant
    targets);
  - every query variable of the dashboard has at least one value;
  - every alert rule Prometheus loaded from the rules file (the same number
    as the file's `- alert:` entries) evaluates without error, reports health
    "ok", and its expression returns series once its comparisons are made
    non-filtering (`>` becomes `> bool`, and so on): that proves every metric
    it reads exists with the labels it groups and joins on, without needing
    the alert to fire.

An expression that never returns series within the deadline is reported with
the metrics in it that have no series at all. Exit 0 only if every check
passed.

Only the Python standard library is used.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

# What Grafana's built-in interval variables stand for here (Prometheus
# scrapes every second in this test).
BUILTINS = {
    "__rate_interval": "1m",
    "__interval": "15s",
    "__range": "5m",
}


def log(msg):
    print(msg, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, timeout=5):
    """Returns (status, body); status 0 when the connection failed."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, ""


def wait_for(predicate, timeout, interval=0.25):
    """Polls `predicate` until it returns a truthy value or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(interval)


class Prometheus:
    def __init__(self, address):
        self.base = "http://" + address

    def api(self, path, **params):
        """Calls /api/v1/<path>; returns (data, error string or None)."""
        url = self.base + "/api/v1/" + path
        if params:
            url += "?" + urllib.parse.urlencode(params, doseq=True)
        status, body = http_get(url, timeout=10)
        if status == 0:
            return None, "no answer from Prometheus"
        try:
            doc = json.loads(body)
        except ValueError:
            return None, "HTTP %d: %s" % (status, body[:200])
        if doc.get("status") != "success":
            return None, "%s: %s" % (doc.get("errorType", "error"), doc.get("error", body[:200]))
        return doc["data"], None

    def instant(self, expr):
        data, err = self.api("query", query=expr)
        return (data["result"] if data else None), err

    def range(self, expr, seconds=60, step=2):
        end = time.time()
        data, err = self.api("query_range", query=expr, start=end - seconds, end=end, step=step)
        return (data["result"] if data else None), err


# ---- Expressions from the dashboard

def dashboard_variables(dashboard):
    return {v["name"]: v for v in dashboard.get("templating", {}).get("list", [])}


def substitute(expr, variables):
    """Replaces Grafana variables as the dashboard's "All" selection does."""
    def value(name):
        if name in BUILTINS:
            return BUILTINS[name]
        var = variables.get(name)
        if var is None:
            raise ValueError("unknown variable $" + name)
        if var.get("includeAll"):
            return var.get("allValue") or ".*"
        raise ValueError("variable $%s has no All value to test with" % name)

    pattern = re.compile(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)")
    return pattern.sub(lambda m: value(m.group(1) or m.group(2) or m.group(3)), expr)


def all_panels(panels):
    for p in panels:
        yield p
        yield from all_panels(p.get("panels", []))


def dashboard_checks(dashboard):
    """Yields (name, expr, kind) for every panel target; kind 'range' or 'instant'."""
    variables = dashboard_variables(dashboard)
    for panel in all_panels(dashboard["panels"]):
        for target in panel.get("targets", []):
            if target.get("hide"):
                continue
            name = 'panel "%s" [%s]' % (panel.get("title"), target.get("refId"))
            try:
                expr = substitute(target["expr"], variables)
            except ValueError as e:
                yield name, target.get("expr", ""), "error:" + str(e)
                continue
            kind = "instant" if target.get("instant") and not target.get("range") else "range"
            yield name, expr, kind


def variable_checks(dashboard):
    """Yields (name, label, match or None) for every query variable."""
    for var in dashboard.get("templating", {}).get("list", []):
        if var.get("type") != "query":
            continue
        query = var.get("query")
        if isinstance(query, dict):
            query = query.get("query", "")
        m = re.fullmatch(r"\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*", query or "")
        if not m:
            yield 'variable "%s"' % var["name"], query, "unsupported"
            continue
        yield 'variable "%s"' % var["name"], m.group(2), m.group(1)


# ---- Alert expressions

def non_filtering(expr):
    """Adds `bool` to every comparison outside label matchers and strings, so
    the expression keeps every series instead of only those over threshold."""
    out = []
    i, depth, n = 0, 0, len(expr)
    while i < n:
        c = expr[i]
        if c in "\"'`":
            j = i + 1
            while j < n and expr[j] != c:
                j += 2 if (expr[j] == "\\" and c != "`") else 1
            out.append(expr[i:j + 1])
            i = j + 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        if depth == 0:
            two = expr[i:i + 2]
            op = two if two in ("==", "!=", ">=", "<=") else (c if c in "<>" else None)
            if op:
                out.append(op)
                i += len(op)
                if not re.match(r"\s*bool\b", expr[i:]):
                    out.append(" bool")
                continue
        out.append(c)
        i += 1
    return "".join(out)


def metric_names(expr):
    names = set(re.findall(r"\b(earshot_[a-z0-9_]+|up)\b", expr))
    return sorted(names)


# ---- The run

class Feeder(threading.Thread):
    """Produces the sample files to the input topic every `period` seconds."""

    def __init__(self, kcat, bootstrap, topic, files, period, log_file):
        super().__init__(daemon=True)
        # kcat takes one file per run in line mode (-l).
        self.cmds = [[kcat, "-P", "-b", bootstrap, "-t", topic, "-l", f] for f in files]
        self.period = period
        self.log_file = log_file
        self.stop = threading.Event()
        self.rounds = 0
        self.failures = 0

    def run(self):
        while not self.stop.is_set():
            codes = [subprocess.run(cmd, stdout=self.log_file, stderr=self.log_file,
                                    timeout=30).returncode for cmd in self.cmds]
            if all(c == 0 for c in codes):
                self.rounds += 1
            else:
                self.failures += 1
            self.stop.wait(self.period)


def stop_process(proc, sig=signal.SIGTERM, grace=10):
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def tail(path, lines=40):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--earshot", required=True, help="the earshot binary")
    parser.add_argument("--source-root", required=True, help="the repository root")
    parser.add_argument("--prometheus", default="prometheus")
    parser.add_argument("--kcat", default="kcat")
    parser.add_argument("--deadline", type=float, default=45,
                        help="seconds to wait, after the first scrapes, for every expression")
    args = parser.parse_args()

    root = args.source_root
    dashboard_path = os.path.join(root, "ops/grafana/earshot.json")
    rules_path = os.path.join(root, "ops/prometheus/rules/earshot.rules.yml")
    samples = os.path.join(root, "data/samples")
    with open(dashboard_path, encoding="utf-8") as f:
        dashboard = json.load(f)
    with open(rules_path, encoding="utf-8") as f:
        alerts_in_file = len(re.findall(r"^\s*-\s*alert:", f.read(), re.M))

    tmp = tempfile.TemporaryDirectory(prefix="earshot-prom-e2e-")
    earshot_log = os.path.join(tmp.name, "earshot.log")
    prom_log = os.path.join(tmp.name, "prometheus.log")
    feeder_log = open(os.path.join(tmp.name, "kcat.log"), "w")
    earshot = prom = feeder = None
    results = []  # (section, name, ok, detail)

    def record(section, name, ok, detail):
        results.append((section, name, ok, detail))
        log("%-4s %s %s: %s" % ("OK" if ok else "FAIL", section, name, detail))

    try:
        # 1. earshot demo --follow
        metrics_listen = "127.0.0.1:%d" % free_port()
        with open(earshot_log, "w") as out:
            earshot = subprocess.Popen(
                [args.earshot, "--log-level", "info", "demo", "--follow",
                 "--metrics-listen", metrics_listen],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

        def following():
            if earshot.poll() is not None:
                return "exited"
            text = tail(earshot_log, 400)
            m = re.search(r"produce more posts to (\S+) at (\S+)\. Ctrl-C", text)
            a = re.search(r"Metrics: http://(\S+)/metrics", text)
            return (m.group(1), m.group(2), a.group(1)) if m and a else None

        state = wait_for(following, 60)
        if not state or state == "exited":
            log("earshot demo did not reach --follow within 60 s; its log:\n" + tail(earshot_log))
            return 1
        topic, bootstrap, metrics_address = state
        log("earshot demo following: metrics at %s, broker %s, topic %s"
            % (metrics_address, bootstrap, topic))

        status, body = http_get("http://%s/healthz" % metrics_address)
        record("endpoint", "/healthz", status == 200, "HTTP %d %s" % (status, body.strip()))
        status, body = http_get("http://%s/readyz" % metrics_address)
        record("endpoint", "/readyz", status == 200, "HTTP %d %s" % (status, body.strip()))

        # 2. keep posts flowing
        files = [os.path.join(samples, f) for f in sorted(os.listdir(samples)) if f.endswith(".jsonl")]
        feeder = Feeder(args.kcat, bootstrap, topic, files, 2.0, feeder_log)
        feeder.start()

        # 3. Prometheus
        prom_address = "127.0.0.1:%d" % free_port()
        config_path = os.path.join(tmp.name, "prometheus.yml")
        with open(config_path, "w") as f:
            f.write(
                "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                "rule_files:\n  - %s\n"
                "scrape_configs:\n  - job_name: earshot\n    static_configs:\n"
                "      - targets: ['%s']\n" % (json.dumps(rules_path), metrics_address))
        with open(prom_log, "w") as out:
            prom = subprocess.Popen(
                [args.prometheus, "--config.file=" + config_path,
                 "--storage.tsdb.path=" + os.path.join(tmp.name, "data"),
                 "--storage.tsdb.retention.time=1h",
                 "--web.listen-address=" + prom_address, "--log.level=warn"],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if not wait_for(lambda: prom.poll() is None and http_get("http://%s/-/ready" % prom_address)[0] == 200, 30):
            log("Prometheus did not become ready within 30 s; its log:\n" + tail(prom_log))
            return 1
        api = Prometheus(prom_address)
        log("Prometheus ready at %s" % prom_address)

        # Enough scrapes for rates: earshot up for the last 8 scrapes.
        def scraped():
            r, _ = api.instant('count_over_time(up{job="earshot"}[30s]) >= 8 and min_over_time(up{job="earshot"}[30s]) == 1')
            return bool(r)
        if not wait_for(scraped, 30, 0.5):
            log("earshot was not scraped successfully 8 times within 30 s")
            r, _ = api.api("targets")
            log(json.dumps(r, indent=1)[:2000])
            return 1
        log("scraping: earshot up for 8 scrapes; feeder produced %d rounds" % feeder.rounds)

        # 4. The checks. Each is retried until it passes or the deadline passes.
        checks = []  # dict(section, name, expr, run) where run() -> (ok, detail, final)

        def series_check(expr, kind):
            def run():
                result, err = (api.instant(expr) if kind == "instant" else api.range(expr))
                if err:
                    return False, "error: " + err, True
                if result:
                    return True, "%d series" % len(result), True
                return False, "no series", False
            return run

        for name, expr, kind in dashboard_checks(dashboard):
            if kind.startswith("error:"):
                checks.append(dict(section="dashboard", name=name, expr=expr,
                                   run=lambda k=kind: (False, k, True)))
            else:
                checks.append(dict(section="dashboard", name=name, expr=expr,
                                   run=series_check(expr, kind)))

        for name, label, match in variable_checks(dashboard):
            def run(label=label, match=match):
                if match == "unsupported":
                    return False, "unsupported variable query", True
                params = {"match[]": [match]} if match else {}
                values, err = api.api("label/%s/values" % label, **params)
                if err:
                    return False, "error: " + err, True
                if values:
                    return True, "values: " + ", ".join(values[:5]), True
                return False, "no values", False
            checks.append(dict(section="dashboard", name=name,
                               expr="label_values(%s%s)" % (match + ", " if match else "", label),
                               run=run))

        groups, err = api.api("rules", type="alert")
        if err:
            record("alerts", "loading rules", False, err)
            return 1
        rules = [r for g in groups["groups"] for r in g["rules"]]
        record("alerts", "rules loaded by Prometheus", len(rules) == alerts_in_file and len(rules) > 0,
               "%d of the %d alerts in %s" % (len(rules), alerts_in_file, os.path.relpath(rules_path, root)))
        for rule in rules:
            expr = rule["query"]

            def run_health(name=rule["name"]):
                data, err = api.api("rules", type="alert")
                if err:
                    return False, "error: " + err, True
                for g in data["groups"]:
                    for r in g["rules"]:
                        if r["name"] == name:
                            if r.get("lastError"):
                                return False, "evaluation error: " + r["lastError"], True
                            if r.get("health") == "ok":
                                return True, "health ok, state %s" % r.get("state"), True
                            return False, "health %s" % r.get("health"), False
                return False, "rule gone", True

            def run_eval(expr=expr):
                result, err = api.instant(expr)
                if err:
                    return False, "error: " + err, True
                return True, "evaluates (%d series over threshold now)" % len(result), True

            checks.append(dict(section="alert", name='"%s" rule health' % rule["name"], expr=expr,
                               run=run_health))
            checks.append(dict(section="alert", name='"%s" expression' % rule["name"], expr=expr,
                               run=run_eval))
            checks.append(dict(section="alert", name='"%s" inputs (comparisons as bool)' % rule["name"],
                               expr=non_filtering(expr), run=series_check(non_filtering(expr), "instant")))

        pending = list(checks)
        outcome = {}
        deadline = time.monotonic() + args.deadline
        while pending:
            still = []
            for c in pending:
                ok, detail, final = c["run"]()
                outcome[id(c)] = (ok, detail)
                if not ok and not final:
                    still.append(c)
            pending = still
            if not pending or time.monotonic() > deadline:
                break
            time.sleep(2)

        for c in checks:
            ok, detail = outcome[id(c)]
            if not ok and detail == "no series":
                missing = [m for m in metric_names(c["expr"])
                           if not (api.api("series", **{"match[]": [m]})[0] or [])]
                if missing:
                    detail += "; metrics with no series at all: " + ", ".join(missing)
            record(c["section"], c["name"], ok, detail + ("" if ok else "\n       " + c["expr"]))

        feeder_log.flush()
        record("feeder", "kcat kept producing the samples", feeder.rounds > 0 and feeder.failures == 0,
               "%d rounds, %d failed%s" % (feeder.rounds, feeder.failures,
                                           "" if not feeder.failures else "; kcat said:\n" +
                                           tail(feeder_log.name, 5)))
        failed = [r for r in results if not r[2]]
        log("%d checks, %d passed, %d failed" % (len(results), len(results) - len(failed), len(failed)))
        if failed:
            log("\nFAILED:")
            for section, name, _, detail in failed:
                log("  %s %s: %s" % (section, name, detail))
            return 1
        return 0
    finally:
        if feeder:
            feeder.stop.set()
            feeder.join(40)
        stop_process(prom)
        stop_process(earshot, signal.SIGINT, 15)
        feeder_log.close()
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
