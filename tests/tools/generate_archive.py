#!/usr/bin/env python3
"""Writes a deterministic synthetic archive of Regional Update issues for tests and benchmarks.

Each issue recombines paragraphs of the real issues in corpus/ under a varied title and month,
and adds news items naming people (given names from the gazetteer, common surnames),
authorities (the gazetteer of English councils and trusts) and programmes, so the archive has a
wider vocabulary than the real issues alone. The same arguments always give the same bytes.

    generate_archive.py --issues 1000 --out DIR [--seed 1] [--corpus corpus] [--data common/facets/data]
"""
import argparse
import os
import random
import re
import sys

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# Common surnames in England and Wales (ONS); real-world facts, not names from the gold files.
SURNAMES = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
            "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
            "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood",
            "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
            "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
            "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter",
            "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards",
            "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson"]
ROLES = ["Director of Children's Services", "Assistant Director for Education",
         "Head of Service for Children in Care", "Principal Social Worker",
         "Chief Executive", "Head of Virtual School", "Regional Programme Manager"]
PROGRAMME_WORDS = ["Family Hubs", "Kinship Care", "Edge of Care", "Fostering Recruitment",
                   "Youth Justice", "Early Help", "Care Leaver Covenant", "Social Work Academy",
                   "Inclusion", "Mental Health Support", "Safeguarding Partnership", "Leadership"]
PROGRAMME_KINDS = ["Programme", "Project", "Pathfinder", "Workstream", "Awards", "Conference"]
TITLE_FORMS = ["Regional Update - {month} {year}", "Regional Update – {month} {year}",
               "West Midlands Regional Update - {month} {year}", "Regional Update {month} {year}"]
TOPICS = ["sufficiency", "placements", "recruitment", "retention", "inspection", "attendance",
          "exclusions", "SEND", "transitions", "commissioning", "workforce", "data"]


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]


def authorities(data_dir):
    return [line.split("\t")[0] for line in read_lines(os.path.join(data_dir, "authorities.tsv"))
            if len(line.split("\t")) > 2 and line.split("\t")[2] != "Wales"
            and "historical" not in line.split("\t")[-1]]


def paragraphs(corpus_dir):
    pool = []
    for name in sorted(os.listdir(corpus_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as handle:
            text = handle.read()
        blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
        # The page furniture and title come first; the body is what gets recombined.
        pool.extend(block for block in blocks[3:] if len(block) > 40)
    return pool


def news_item(rng, given, places):
    person = f"{rng.choice(given)} {rng.choice(SURNAMES)}"
    place = rng.choice(places)
    programme = f"{rng.choice(PROGRAMME_WORDS)} {rng.choice(PROGRAMME_KINDS)}"
    topic = rng.choice(TOPICS)
    templates = [
        f"{programme}\n\n{person}, {rng.choice(ROLES)} at {place}, will lead the {programme} "
        f"this year. The first phase looks at {topic} across the region.",
        f"Welcome to {person}\n\nWe welcome {person} who joins {place} as {rng.choice(ROLES)}. "
        f"{person.split()[0]} brings experience of {topic} and of the {programme}.",
        f"Update from {place}\n\n{place} has shared its work on {topic} through the {programme}. "
        f"For more information please contact {person}.",
    ]
    return rng.choice(templates)


def issue_text(index, rng, pool, given, places):
    year = 2015 + (index // 12) % 12
    month = MONTHS[index % 12]
    title = rng.choice(TITLE_FORMS).format(month=month, year=year)
    if index >= 144:
        title += f" (edition {index // 144 + 1})"
    # About as long as the real issues (7-10 KB), so sizes in MB/s mean what they say.
    body = rng.sample(pool, k=min(len(pool), rng.randint(15, 26)))
    news = [news_item(rng, given, places) for _ in range(rng.randint(4, 8))]
    body += news[2:]
    rng.shuffle(body)
    # An issue opens and closes with text of its own, as real ones do: a paragraph of the pool
    # shuffled to the edge would recur at the edges of many issues, which no real archive does
    # and which the parser reads as page furniture (docs/furniture.md).
    body = [news[0]] + body + [news[1]]
    return "top of page\n\n" + title + "\n\n" + "\n\n".join(body) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first", type=int, default=0, help="number of the first issue written")
    parser.add_argument("--corpus", default=os.path.join(root, "corpus"))
    parser.add_argument("--data", default=os.path.join(root, "common", "facets", "data"))
    args = parser.parse_args()

    pool = paragraphs(args.corpus)
    given = read_lines(os.path.join(args.data, "given_names.txt"))
    places = authorities(args.data)
    if not pool or not given or not places:
        sys.exit("generate_archive.py: no paragraphs, given names or authorities to draw from")
    os.makedirs(args.out, exist_ok=True)
    for index in range(args.first, args.first + args.issues):
        rng = random.Random(args.seed * 1_000_003 + index)
        path = os.path.join(args.out, f"gen-{index:05d}.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(issue_text(index, rng, pool, given, places))


if __name__ == "__main__":
    main()
