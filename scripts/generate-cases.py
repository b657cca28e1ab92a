#!/usr/bin/env python3
"""Writes SYNTHETIC pseudonymisable case events for ImpactMonitor (fixtures/cases/).

Deterministic for a seed. Calibrated to published totals, nothing else is real:
  - VT West-Brabant meldingen per year (2017 7.561, 2018 6.039), each melding a case;
  - investigations with a lognormal duration, about 78 % longer than the 10-week term;
  - VT Midden-Brabant (Hart van Brabant) meldingen 2016 3.880 and 2017 4.413, with about 2.907
    unique children in 2017;
  - a handover to care (overdracht) for 45 % of cases, help starting after a lognormal wait
    (median 4 weeks) for 90 % of those.
Each VT region is its own delivery (event source), so each covers its own years.
Families come back (recurrence) with a fixed probability. The ids look like real ones on purpose
(9-digit person numbers), so the pseudonymisation is exercised; they are random numbers.

usage: scripts/generate-cases.py [--seed N] [--out DIR]
"""
import argparse, csv, datetime, math, os, random

WB = ["GM0738", "GM1723", "GM0744", "GM0748", "GM0758", "GM1719", "GM0777", "GM0779", "GM1655", "GM1709",
      "GM0826", "GM1674", "GM0840", "GM0851", "GM0716", "GM0870", "GM0873", "GM0874", "GM0879"]
WB_WEIGHTS = [3, 1, 1, 7, 18, 3, 4, 2, 3, 4, 5, 8, 2, 3, 3, 3, 2, 2, 2]
WB_MELDINGEN = {2017: 7561, 2018: 6039}
MB_MELDINGEN = {2016: 3880, 2017: 4413}
TERM_DAYS = 70
SHARE_PAST_TERM = 0.78
REPEAT_FAMILY = 0.30
CHILD_SHARE = {"VTWB": 0.55, "VTMB": 0.61}
AGE_BANDS = ["0-3", "4-11", "12-17"]


def lognormal_days(rng, median, sigma):
    return max(0, int(round(rng.lognormvariate(math.log(median), sigma))))


def investigation_median():
    """The median that puts SHARE_PAST_TERM of lognormal(sigma 0.5) durations beyond the term."""
    z = 0.7722  # standard normal quantile of 0.78
    return TERM_DAYS * math.exp(0.5 * z)


class Families:
    def __init__(self, rng, region):
        self.rng, self.region, self.known, self.next_id = rng, region, [], 0

    def person(self):
        self.next_id += 1
        return "%09d" % self.rng.randrange(100_000_000, 999_999_999)

    def family(self):
        if self.known and self.rng.random() < REPEAT_FAMILY:
            return self.rng.choice(self.known)
        adults = [self.person() for _ in range(self.rng.choice([1, 1, 2]))]
        children = []
        if self.rng.random() < CHILD_SHARE[self.region]:
            children = [(self.person(), self.rng.choice(AGE_BANDS)) for _ in range(self.rng.choice([1, 1, 1, 2]))]
        family = (adults, children)
        self.known.append(family)
        return family


def cases(rng, region, meldingen, geo_of):
    families = Families(rng, region)
    rows, number = [], 0
    for year, count in sorted(meldingen.items()):
        start = datetime.date(year, 1, 1)
        days = (datetime.date(year + 1, 1, 1) - start).days
        for _ in range(count):
            number += 1
            case = "%s-%d-%06d" % (region, year, number)
            date = start + datetime.timedelta(days=rng.randrange(days))
            geo = geo_of(rng)
            adults, children = families.family()
            for person in adults:
                rows.append((case, person, "volwassene", "melding", date, geo, ""))
            for person, band in children:
                rows.append((case, person, "kind", "melding", date, geo, band))
            rows += follow_ups(rng, case, date, geo)
    # The delivery is extracted at the end of its last year: later events have not happened yet,
    # so cases open then are open in the data.
    extracted = datetime.date(max(meldingen) + 1, 1, 1)
    return [row for row in rows if row[4] < extracted]


def follow_ups(rng, case, date, geo):
    rows, end = [], date + datetime.timedelta(days=lognormal_days(rng, 45, 0.6))
    if rng.random() < 0.05:
        begin = date + datetime.timedelta(days=rng.randrange(1, 15))
        finish = begin + datetime.timedelta(days=lognormal_days(rng, investigation_median(), 0.5))
        rows.append((case, "", "", "start_onderzoek", begin, geo, ""))
        rows.append((case, "", "", "einde_onderzoek", finish, geo, ""))
        end = max(end, finish + datetime.timedelta(days=rng.randrange(1, 20)))
    if rng.random() < 0.45:
        handover = date + datetime.timedelta(days=rng.randrange(1, 21))
        rows.append((case, "", "", "overdracht", handover, geo, ""))
        if rng.random() < 0.9:
            rows.append((case, "", "", "start_hulp", handover + datetime.timedelta(days=lognormal_days(rng, 28, 0.7)),
                         geo, ""))
    rows.append((case, "", "", "afsluiting", end, geo, ""))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "fixtures", "cases"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    regions = [("west-brabant", cases(rng, "VTWB", WB_MELDINGEN, lambda r: r.choices(WB, WB_WEIGHTS)[0])),
               ("midden-brabant", cases(rng, "VTMB", MB_MELDINGEN, lambda r: "VTMB"))]
    for name, rows in regions:
        write(os.path.join(args.out, name, "vt-casus-%s.csv" % name), rows)
    children = {r[1] for r in regions[1][1] if r[2] == "kind" and r[4].year == 2017}
    investigations = [r for r in regions[0][1] if r[3] in ("start_onderzoek", "einde_onderzoek")]
    print("VTMB 2017 unique children: %d; VTWB investigation events: %d" % (len(children), len(investigations)))


def write(path, rows):
    rows.sort(key=lambda row: (row[4], row[0], row[3], row[1]))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["case_id", "person_id", "role", "event", "date", "geo", "leeftijd"])
        for case, person, role, event, date, geo, band in rows:
            writer.writerow([case, person, role, event, date.isoformat(), geo, band])
    print("wrote %d events to %s" % (len(rows), path))


if __name__ == "__main__":
    main()
