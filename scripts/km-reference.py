#!/usr/bin/env python3
"""Kaplan–Meier percentiles computed independently of ImpactMonitor, with exact fractions.

The expected values in Tests/ImpactMonitorTests/CaseMeasureTests.swift come from this script
(Python 3 standard library, `fractions`). The first three sets are the worked examples of
shared/research/wave2.md §3, whose medians were cross-checked there with lifelines 0.30.3.
Convention (lifelines'): the p-th percentile is the first event time t with S(t) <= 1 - p;
never reached -> "not reached". Durations in days; "+" marks a censored case.

usage: scripts/km-reference.py
"""
from fractions import Fraction

SETS = {
    "research-1": "5 8 8+ 12 15+ 20 20 30+",
    "research-2": "10 20+ 30+ 40+ 50+ 60+",
    "research-3": "1 2 3 4",
    "ties-and-censoring": "0 0 3 3+ 7 7 7 9+ 14 21+ 21 40",
}


def parse(text):
    return [(int(item.rstrip("+")), not item.endswith("+")) for item in text.split()]


def percentile(spells, p):
    survival = Fraction(1)
    for time in sorted({t for t, _ in spells}):
        at_risk = sum(1 for t, _ in spells if t >= time)
        ended = sum(1 for t, e in spells if t == time and e)
        if ended == 0:
            continue
        survival *= 1 - Fraction(ended, at_risk)
        if survival <= 1 - Fraction(p, 100):
            return time
    return None


if __name__ == "__main__":
    for name, text in SETS.items():
        spells = parse(text)
        values = {p: percentile(spells, p) for p in (25, 50, 75)}
        shown = ", ".join("p%d %s" % (p, "not reached" if v is None else v) for p, v in values.items())
        print("%-20s %-28s %s" % (name, text, shown))
