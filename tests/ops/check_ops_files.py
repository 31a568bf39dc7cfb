#!/usr/bin/env python3
"""Static checks of what earshot ships for operators (no network, no server):

  check_ops_files.py ROOT dashboard   ops/grafana/earshot.json is a Grafana
                                      dashboard Grafana can load as is
  check_ops_files.py ROOT runbooks    every alert rule has a runbook_url whose
                                      anchor is a heading of docs/operations.md
  check_ops_files.py ROOT metrics     every earshot_* metric the dashboard or
                                      the alert rules read is in the metrics
                                      reference of docs/operations.md

Each problem is printed on its own line; exit 1 if there is any.
Only the Python standard library is used (so the rules file is read line by
line, relying on its `- alert:` / `runbook_url:` layout).
"""
import json
import os
import re
import sys

# Panel types earshot's dashboard may use (all built into Grafana 9 and 10).
PANEL_TYPES = {"row", "timeseries", "stat", "bargauge", "gauge", "table", "text", "heatmap"}
GRAFANA_BUILTINS = {"__rate_interval", "__interval", "__interval_ms", "__range", "__range_s",
                    "__range_ms", "__from", "__to", "__dashboard", "__org", "__user"}
GRID_COLUMNS = 24


def check_dashboard(root):
    problems = []
    path = os.path.join(root, "ops/grafana/earshot.json")
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        return ["%s: not valid JSON: %s" % (path, e)]

    def need(obj, key, kind, where):
        if not isinstance(obj.get(key), kind):
            problems.append("%s: '%s' missing or not %s" % (where, key, kind.__name__))
            return False
        return True

    for key, kind in (("title", str), ("uid", str), ("schemaVersion", int), ("panels", list),
                      ("templating", dict), ("time", dict), ("tags", list)):
        need(d, key, kind, "dashboard")
    if problems:
        return problems
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", d["uid"]):
        problems.append("dashboard: uid must be 1-40 of [A-Za-z0-9_-], got %r" % d["uid"])
    if d["schemaVersion"] < 36:
        problems.append("dashboard: schemaVersion %d predates Grafana 9" % d["schemaVersion"])
    if d.get("id") is not None:
        problems.append("dashboard: 'id' must be null or absent (Grafana assigns it on import)")
    if "__inputs" in d:
        problems.append("dashboard: '__inputs' makes provisioning fail; use the datasource variable")
    for key in ("from", "to"):
        if not isinstance(d["time"].get(key), str):
            problems.append("dashboard: time.%s missing" % key)

    # Variables.
    variables = {}
    if need(d["templating"], "list", list, "templating"):
        for v in d["templating"]["list"]:
            name = v.get("name")
            where = "variable %r" % name
            if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_]\w*", name):
                problems.append("%s: bad name" % where)
                continue
            if name in variables:
                problems.append("%s: defined twice" % where)
            variables[name] = v
            if v.get("type") not in ("datasource", "query", "custom", "constant", "interval",
                                     "textbox"):
                problems.append("%s: unknown type %r" % (where, v.get("type")))
            if v.get("type") == "datasource" and v.get("query") != "prometheus":
                problems.append("%s: datasource variable must list prometheus data sources" % where)
            if v.get("type") == "query":
                query = v.get("query")
                query = query.get("query") if isinstance(query, dict) else query
                if not isinstance(query, str) or not query.strip():
                    problems.append("%s: empty query" % where)
                if v.get("datasource", {}).get("uid") != "${datasource}":
                    problems.append("%s: must query the ${datasource} variable" % where)
                if v.get("includeAll") and v.get("allValue") is None:
                    problems.append("%s: includeAll without allValue (\"All\" would list every "
                                    "value in a regex)" % where)
    if not any(v.get("type") == "datasource" for v in variables.values()):
        problems.append("dashboard: no datasource variable: import would need a fixed data source uid")
    for wanted in ("instance", "brand"):
        if wanted not in variables:
            problems.append("dashboard: no %r variable" % wanted)

    # Panels.
    ids = set()
    rects = []

    def check_panel(p, where):
        if not isinstance(p.get("id"), int):
            problems.append("%s: id missing or not an integer" % where)
        elif p["id"] in ids:
            problems.append("%s: duplicate id %d" % (where, p["id"]))
        else:
            ids.add(p["id"])
        if p.get("type") not in PANEL_TYPES:
            problems.append("%s: unknown panel type %r" % (where, p.get("type")))
        if not isinstance(p.get("title"), str) or not p["title"].strip():
            problems.append("%s: no title" % where)
        g = p.get("gridPos")
        if not isinstance(g, dict) or not all(isinstance(g.get(k), int) for k in "xywh"):
            problems.append("%s: gridPos needs integer x, y, w, h" % where)
        else:
            if g["x"] < 0 or g["y"] < 0 or g["w"] < 1 or g["h"] < 1 or g["x"] + g["w"] > GRID_COLUMNS:
                problems.append("%s: gridPos %s outside the 24-column grid" % (where, g))
            for other, (ox, oy, ow, oh) in rects:
                if g["x"] < ox + ow and ox < g["x"] + g["w"] and g["y"] < oy + oh and oy < g["y"] + g["h"]:
                    problems.append("%s: overlaps %s" % (where, other))
            rects.append((where, (g["x"], g["y"], g["w"], g["h"])))
        if p.get("type") == "row":
            if not isinstance(p.get("panels"), list):
                problems.append("%s: row without a panels list" % where)
            for child in p.get("panels", []):
                check_panel(child, "panel %r" % child.get("title"))
            return
        if p.get("type") == "text":
            return
        if p.get("datasource", {}).get("uid") != "${datasource}":
            problems.append("%s: datasource must be the ${datasource} variable" % where)
        fc = p.get("fieldConfig")
        if not isinstance(fc, dict) or not isinstance(fc.get("defaults"), dict) or \
                not isinstance(fc.get("overrides"), list):
            problems.append("%s: fieldConfig needs defaults and overrides" % where)
        else:
            steps = fc["defaults"].get("thresholds", {}).get("steps")
            if steps is not None and (not steps or steps[0].get("value") is not None):
                problems.append("%s: the first threshold step must have value null" % where)
        targets = p.get("targets")
        if not isinstance(targets, list) or not targets:
            problems.append("%s: no targets" % where)
            return
        refs = set()
        for t in targets:
            tw = "%s [%s]" % (where, t.get("refId"))
            if not isinstance(t.get("refId"), str) or t["refId"] in refs:
                problems.append("%s: refId missing or duplicate" % tw)
            refs.add(t.get("refId"))
            expr = t.get("expr")
            if not isinstance(expr, str) or not expr.strip():
                problems.append("%s: empty expr" % tw)
                continue
            if expr.count("(") != expr.count(")") or expr.count("{") != expr.count("}") or \
                    expr.count("[") != expr.count("]"):
                problems.append("%s: unbalanced brackets in %s" % (tw, expr))
            for m in re.finditer(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)", expr):
                name = m.group(1) or m.group(2) or m.group(3)
                if name not in variables and name not in GRAFANA_BUILTINS:
                    problems.append("%s: unknown variable $%s" % (tw, name))

    for p in d["panels"]:
        check_panel(p, "panel %r" % p.get("title"))
    if len(ids) < 2:
        problems.append("dashboard: fewer than two panels")
    return problems


def read(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return f.read()


def heading_anchors(markdown):
    """GitHub-style anchors of every heading."""
    anchors = set()
    for line in markdown.splitlines():
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            text = m.group(1).strip().lower()
            text = re.sub(r"[^\w\- ]", "", text)
            anchors.add(text.replace(" ", "-"))
    return anchors


def check_runbooks(root):
    problems = []
    rules = read(root, "ops/prometheus/rules/earshot.rules.yml")
    anchors = heading_anchors(read(root, "docs/operations.md"))
    blocks = re.split(r"^\s*-\s*alert:\s*", rules, flags=re.M)[1:]
    if not blocks:
        return ["ops/prometheus/rules/earshot.rules.yml: no alerts found"]
    for block in blocks:
        name = block.split()[0]
        m = re.search(r"runbook_url:\s*\"?([^\"\s]+)\"?", block)
        if not m:
            problems.append("alert %s: no runbook_url" % name)
            continue
        url = m.group(1)
        if not url.startswith("docs/operations.md#"):
            problems.append("alert %s: runbook_url %s does not point into docs/operations.md" % (name, url))
            continue
        anchor = url.split("#", 1)[1]
        if anchor not in anchors:
            problems.append("alert %s: docs/operations.md has no heading for #%s" % (name, anchor))
        if anchor != name.lower():
            problems.append("alert %s: runbook anchor #%s is not the alert's name" % (name, anchor))
    return problems


def check_metrics_documented(root):
    problems = []
    doc = read(root, "docs/operations.md")
    used = set()
    dashboard = read(root, "ops/grafana/earshot.json")
    rules = read(root, "ops/prometheus/rules/earshot.rules.yml")
    for text in (dashboard, rules):
        used.update(re.findall(r"\bearshot_[a-z0-9_]+", text))
    documented = set(re.findall(r"^\|\s*`(earshot_[a-z0-9_]+)`", doc, re.M))
    for name in sorted(used):
        base = re.sub(r"_(bucket|count|sum)$", "", name)
        if name not in documented and base not in documented:
            problems.append("metric %s is used by the dashboard or the alerts but not in the "
                            "metrics reference of docs/operations.md" % name)
    if not documented:
        problems.append("docs/operations.md: no metrics reference table rows (| `earshot_...` |)")
    return problems


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("dashboard", "runbooks", "metrics"):
        print(__doc__)
        return 2
    root, what = sys.argv[1], sys.argv[2]
    problems = {"dashboard": check_dashboard, "runbooks": check_runbooks,
                "metrics": check_metrics_documented}[what](root)
    for p in problems:
        print(p)
    print("%s: %s" % (what, "%d problem(s)" % len(problems) if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
