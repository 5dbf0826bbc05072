#!/usr/bin/env python3
"""Validate every price table under pricing-data/aws/ against docs/pricing-tables.md.

    python3 pricing-data/tools/check_tables.py [pricing-data-dir]

Python 3 standard library only. Exits 1 and lists every problem if anything is wrong;
prints one line per file with its row count if everything passes.

Checks (table files):
  - valid JSON; only the documented fields; schema_version 1; provider "aws"; currency "USD";
    folder and file name agree with region and service; one file per provider/region/service
  - sources: documented fields only; unique id; url OR repo+path+commit (40-hex commit);
    as_of a real YYYY-MM-DD date; trust A/B/C; non-empty title and trust_note; every source cited
  - rows: documented fields only; key/unit/price/source present; unit from the documented list;
    price (and per, tier_start, tier_end) a decimal string ^[0-9]+(\\.[0-9]+)?$ with at most
    12 decimal places (tier_end may be "Inf"); per > 0; source names a source in the file
  - no duplicate (key, tier_start); tiered keys cover 0..Inf contiguously; a key is either
    tiered in every row or in none
  - rows sorted by key (then tier_start), for stable diffs
Checks (shapes file aws/ec2-instance-shapes.json): fields, source, unique instance types, integers.
Cross-check: aws/us-east-1/ec2.json has exactly the rows and price strings of the source CSV.
"""

import csv
import datetime
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.dirname(HERE)

TABLE_FIELDS = {"schema_version", "provider", "region", "service", "currency", "description",
                "sources", "rows"}
SOURCE_FIELDS = {"id", "title", "url", "repo", "path", "commit", "as_of", "trust", "trust_note"}
ROW_FIELDS = {"key", "unit", "per", "price", "source", "description", "tier_start", "tier_end",
              "note"}
ROW_REQUIRED = {"key", "unit", "price", "source"}
SERVICES = {"ec2", "vpc", "data-transfer", "aurora", "rds", "dynamodb", "lambda", "stepfunctions"}
UNITS = {"hour", "GB", "GB-month", "GiB-month", "ACU-hour", "GB-second", "request",
         "state-transition", "WCU-hour", "RCU-hour", "write-request-unit", "read-request-unit"}
SHAPES_FIELDS = {"schema_version", "provider", "sources", "source", "shapes"}
SHAPE_FIELDS = {"instance_type", "vcpu", "memory_mib", "arch", "cpu_manufacturer", "family",
                "generation", "network_mbps"}
SHAPE_REQUIRED = SHAPE_FIELDS - {"network_mbps"}

DECIMAL_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
REGION_RE = re.compile(r"^([a-z]{2}(-gov)?-[a-z]+-[0-9]|global)$")
MAX_PLACES = 12

EC2_CSV = os.path.join("sources", "ec2-ondemand-linux-us-east-1-2026-07-20.csv")


class Checker:
    def __init__(self, root):
        self.root = root
        self.errors = []
        self.seen_tables = {}
        self.summary = []

    def err(self, rel, pointer, msg):
        self.errors.append("%s: %s: %s" % (rel, pointer or "/", msg))

    # ------------------------------------------------------------------ helpers
    def decimal_string(self, rel, ptr, value, allow_inf=False):
        if allow_inf and value == "Inf":
            return True
        if not isinstance(value, str):
            self.err(rel, ptr, "expected a decimal string such as \"0.045\", got %s %r"
                     % (type(value).__name__, value))
            return False
        if not DECIMAL_RE.match(value):
            self.err(rel, ptr, "not a decimal string: %r" % value)
            return False
        if "." in value and len(value.split(".")[1]) > MAX_PLACES:
            self.err(rel, ptr, "more than %d decimal places: %r" % (MAX_PLACES, value))
            return False
        return True

    def check_sources(self, rel, sources):
        ids = {}
        if not isinstance(sources, list) or not sources:
            self.err(rel, "/sources", "must be a non-empty array")
            return ids
        for i, s in enumerate(sources):
            p = "/sources/%d" % i
            if not isinstance(s, dict):
                self.err(rel, p, "must be an object")
                continue
            for f in sorted(set(s) - SOURCE_FIELDS):
                self.err(rel, p + "/" + f, "unknown field")
            for f in ("id", "title", "as_of", "trust", "trust_note"):
                if not isinstance(s.get(f), str) or not s.get(f).strip():
                    self.err(rel, p + "/" + f, "required non-empty string")
            sid = s.get("id")
            if isinstance(sid, str):
                if sid in ids:
                    self.err(rel, p + "/id", "duplicate source id %r" % sid)
                ids[sid] = i
            has_url = "url" in s
            repo_fields = [f for f in ("repo", "path", "commit") if f in s]
            if has_url and repo_fields:
                self.err(rel, p, "give either url or repo+path+commit, not both")
            elif not has_url and len(repo_fields) != 3:
                self.err(rel, p, "needs url, or all of repo, path and commit")
            if has_url and not (isinstance(s["url"], str) and s["url"].startswith("https://")):
                self.err(rel, p + "/url", "must be an https:// URL")
            if "commit" in s and not (isinstance(s["commit"], str) and COMMIT_RE.match(s["commit"])):
                self.err(rel, p + "/commit", "must be a full 40-hex commit, got %r" % s.get("commit"))
            if "repo" in s and not (isinstance(s["repo"], str) and re.match(r"^[^/\s]+/[^/\s]+$", s["repo"])):
                self.err(rel, p + "/repo", "must be owner/name")
            a = s.get("as_of")
            if isinstance(a, str):
                ok = bool(DATE_RE.match(a))
                if ok:
                    try:
                        d = datetime.date.fromisoformat(a)
                        ok = d <= datetime.date.today()
                    except ValueError:
                        ok = False
                if not ok:
                    self.err(rel, p + "/as_of", "must be a real past date YYYY-MM-DD, got %r" % a)
            if s.get("trust") not in ("A", "B", "C"):
                self.err(rel, p + "/trust", "must be A, B or C, got %r" % s.get("trust"))
        return ids

    # ------------------------------------------------------------------ table files
    def check_table(self, path):
        rel = os.path.relpath(path, os.path.dirname(self.root))
        try:
            with open(path, encoding="utf-8") as f:
                t = json.load(f)
        except (OSError, ValueError) as e:
            self.err(rel, "", "cannot read JSON: %s" % e)
            return
        if not isinstance(t, dict):
            self.err(rel, "", "top level must be an object")
            return
        for f in sorted(set(t) - TABLE_FIELDS):
            self.err(rel, "/" + f, "unknown field")
        for f in sorted(TABLE_FIELDS - set(t)):
            self.err(rel, "/" + f, "missing field")
        if t.get("schema_version") != 1 or isinstance(t.get("schema_version"), bool):
            self.err(rel, "/schema_version", "must be the integer 1")
        if t.get("provider") != "aws":
            self.err(rel, "/provider", "must be \"aws\"")
        if t.get("currency") != "USD":
            self.err(rel, "/currency", "must be \"USD\"")
        if not isinstance(t.get("description"), str) or not t.get("description", "").strip():
            self.err(rel, "/description", "required non-empty string")
        region, service = t.get("region"), t.get("service")
        if not isinstance(region, str) or not REGION_RE.match(region):
            self.err(rel, "/region", "not a region code or \"global\": %r" % region)
        if service not in SERVICES:
            self.err(rel, "/service", "unknown service %r" % service)
        want = os.path.join(self.root, "aws", str(region), "%s.json" % service)
        if os.path.abspath(path) != os.path.abspath(want):
            self.err(rel, "", "folder/file name must be aws/%s/%s.json" % (region, service))
        k = (t.get("provider"), region, service)
        if k in self.seen_tables:
            self.err(rel, "", "second file for %s/%s/%s (first: %s)" % (k + (self.seen_tables[k],)))
        self.seen_tables[k] = rel

        ids = self.check_sources(rel, t.get("sources"))
        rows = t.get("rows")
        if not isinstance(rows, list) or not rows:
            self.err(rel, "/rows", "must be a non-empty array")
            return
        cited = set()
        seen = set()
        by_key = {}
        order = []
        for i, r in enumerate(rows):
            p = "/rows/%d" % i
            if not isinstance(r, dict):
                self.err(rel, p, "must be an object")
                continue
            for f in sorted(set(r) - ROW_FIELDS):
                self.err(rel, p + "/" + f, "unknown field")
            for f in sorted(ROW_REQUIRED - set(r)):
                self.err(rel, p + "/" + f, "missing field")
            for f in ("key", "unit", "source", "description", "note"):
                if f in r and (not isinstance(r[f], str) or not r[f].strip()):
                    self.err(rel, p + "/" + f, "must be a non-empty string")
            if "unit" in r and r["unit"] not in UNITS:
                self.err(rel, p + "/unit", "unit %r is not in the documented list" % r["unit"])
            if "price" in r:
                self.decimal_string(rel, p + "/price", r["price"])
            if "per" in r and self.decimal_string(rel, p + "/per", r["per"]):
                if Decimal(r["per"]) <= 0:
                    self.err(rel, p + "/per", "must be greater than 0")
            if "source" in r:
                if r["source"] not in ids:
                    self.err(rel, p + "/source", "no source with id %r in this file" % r["source"])
                cited.add(r["source"])
            tiered = ("tier_start" in r) or ("tier_end" in r)
            if tiered and not ("tier_start" in r and "tier_end" in r):
                self.err(rel, p, "tier_start and tier_end must be given together")
            ts_ok = "tier_start" not in r or self.decimal_string(rel, p + "/tier_start", r["tier_start"])
            te_ok = "tier_end" not in r or self.decimal_string(rel, p + "/tier_end", r["tier_end"], allow_inf=True)
            key = r.get("key")
            dup = (key, r.get("tier_start"))
            if dup in seen:
                self.err(rel, p, "duplicate (key, tier_start) %r" % (dup,))
            seen.add(dup)
            by_key.setdefault(key, []).append((i, r, tiered, ts_ok and te_ok))
            start = Decimal(r["tier_start"]) if tiered and ts_ok and "tier_start" in r else Decimal(-1)
            order.append((str(key), start))
        if order != sorted(order):
            self.err(rel, "/rows", "rows are not sorted by key, then tier_start")
        for sid, i in sorted(ids.items()):
            if sid not in cited:
                self.err(rel, "/sources/%d" % i, "source %r is not cited by any row" % sid)
        for key, items in by_key.items():
            flags = {tiered for _, _, tiered, _ in items}
            if flags == {True, False}:
                self.err(rel, "/rows/%d" % items[0][0], "key %r mixes tiered and untiered rows" % key)
                continue
            if flags == {False}:
                if len(items) > 1:
                    self.err(rel, "/rows/%d" % items[1][0], "duplicate untiered key %r" % key)
                continue
            if not all(ok for _, _, _, ok in items):
                continue
            units = {r.get("unit") for _, r, _, _ in items}
            pers = {r.get("per", "1") for _, r, _, _ in items}
            if len(units) > 1 or len(pers) > 1:
                self.err(rel, "/rows/%d" % items[0][0], "tiers of key %r use different unit/per" % key)
            tiers = sorted(items, key=lambda it: Decimal(it[1]["tier_start"]))
            expect = Decimal(0)
            for j, (i, r, _, _) in enumerate(tiers):
                start = Decimal(r["tier_start"])
                if start != expect:
                    self.err(rel, "/rows/%d/tier_start" % i,
                             "key %r: tier starts at %s, expected %s (gap or overlap)" % (key, r["tier_start"], expect))
                end = r["tier_end"]
                last = j == len(tiers) - 1
                if end == "Inf":
                    if not last:
                        self.err(rel, "/rows/%d/tier_end" % i, "key %r: only the last tier may end at Inf" % key)
                    expect = None
                    break
                if Decimal(end) <= start:
                    self.err(rel, "/rows/%d/tier_end" % i, "key %r: tier_end must be greater than tier_start" % key)
                expect = Decimal(end)
            if expect is not None:
                self.err(rel, "/rows/%d" % tiers[-1][0], "key %r: tiers do not reach Inf" % key)
        self.summary.append("%s: %d rows" % (rel, len(rows)))
        return t

    # ------------------------------------------------------------------ shapes file
    def check_shapes(self, path):
        rel = os.path.relpath(path, os.path.dirname(self.root))
        try:
            with open(path, encoding="utf-8") as f:
                t = json.load(f)
        except (OSError, ValueError) as e:
            self.err(rel, "", "cannot read JSON: %s" % e)
            return
        for f in sorted(set(t) - SHAPES_FIELDS):
            self.err(rel, "/" + f, "unknown field")
        for f in sorted(SHAPES_FIELDS - set(t)):
            self.err(rel, "/" + f, "missing field")
        if t.get("schema_version") != 1:
            self.err(rel, "/schema_version", "must be the integer 1")
        if t.get("provider") != "aws":
            self.err(rel, "/provider", "must be \"aws\"")
        ids = self.check_sources(rel, t.get("sources"))
        if t.get("source") not in ids:
            self.err(rel, "/source", "no source with id %r" % t.get("source"))
        seen = set()
        names = []
        for i, s in enumerate(t.get("shapes") or []):
            p = "/shapes/%d" % i
            for f in sorted(set(s) - SHAPE_FIELDS):
                self.err(rel, p + "/" + f, "unknown field")
            for f in sorted(SHAPE_REQUIRED - set(s)):
                self.err(rel, p + "/" + f, "missing field")
            for f in ("vcpu", "memory_mib", "generation", "network_mbps"):
                if f in s and (not isinstance(s[f], int) or isinstance(s[f], bool) or s[f] < 0):
                    self.err(rel, p + "/" + f, "must be a non-negative integer")
            if s.get("arch") not in ("amd64", "arm64"):
                self.err(rel, p + "/arch", "must be amd64 or arm64")
            n = s.get("instance_type")
            if n in seen:
                self.err(rel, p + "/instance_type", "duplicate %r" % n)
            seen.add(n)
            names.append(str(n))
        if names != sorted(names):
            self.err(rel, "/shapes", "not sorted by instance_type")
        if not names:
            self.err(rel, "/shapes", "must be a non-empty array")
        self.summary.append("%s: %d shapes" % (rel, len(names)))

    # ------------------------------------------------------------------ cross-check
    def check_ec2_against_csv(self, table):
        csv_path = os.path.join(self.root, EC2_CSV)
        rel = os.path.relpath(os.path.join(self.root, "aws", "us-east-1", "ec2.json"), os.path.dirname(self.root))
        if table is None or not os.path.exists(csv_path):
            self.err(rel, "", "cannot cross-check against %s" % EC2_CSV)
            return
        with open(csv_path, encoding="utf-8") as f:
            body = [l for l in f.read().splitlines() if not l.startswith("#")]
        want = {r["instance_type"]: r["usd_per_hour"] for r in csv.DictReader(body)}
        got = {r.get("key"): r.get("price") for r in table.get("rows", [])}
        if want != got:
            missing = sorted(set(want) - set(got))[:5]
            extra = sorted(set(got) - set(want))[:5]
            diff = sorted(k for k in set(want) & set(got) if want[k] != got[k])[:5]
            self.err(rel, "/rows", "differs from %s (missing %s, extra %s, changed %s); re-run "
                     "tools/build_ec2_tables.py" % (EC2_CSV, missing, extra, diff))

    def run(self):
        aws = os.path.join(self.root, "aws")
        files = []
        for d, _, fs in os.walk(aws):
            files += [os.path.join(d, f) for f in fs if f.endswith(".json")]
        ec2_us_east_1 = None
        for path in sorted(files):
            if os.path.abspath(path) == os.path.abspath(os.path.join(aws, "ec2-instance-shapes.json")):
                self.check_shapes(path)
            else:
                t = self.check_table(path)
                if os.path.abspath(path) == os.path.abspath(os.path.join(aws, "us-east-1", "ec2.json")):
                    ec2_us_east_1 = t
        self.check_ec2_against_csv(ec2_us_east_1)
        return not self.errors


def main():
    root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROOT
    c = Checker(root)
    ok = c.run()
    for line in c.summary:
        print(line)
    if not ok:
        for e in c.errors:
            sys.stderr.write("ERROR " + e + "\n")
        sys.stderr.write("%d problem(s)\n" % len(c.errors))
        sys.exit(1)
    print("OK: %d files" % len(c.summary))


if __name__ == "__main__":
    main()
