#!/usr/bin/env python3
"""Side-by-side timings of the Python reference implementations on frontier's benchmark inputs (outside CI).

    python3 side_by_side.py generate          # rewrite scorer-inputs.jsonl from datasets/support-tickets.jsonl
    python3 side_by_side.py time              # sacrebleu sentence BLEU (1 and 11 refs), numpy paired bootstrap

The inputs are the same file the JMH benches read (ScorerBench), so the items-per-second figures compare.
Needs sacrebleu and numpy (rouge-score is timed elsewhere; see BENCHMARKS.md).
"""
import json
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
INPUTS = os.path.join(HERE, "scorer-inputs.jsonl")
TICKETS = os.path.join(HERE, "..", "..", "..", "..", "..", "datasets", "support-tickets.jsonl")
ITEMS = 200
REFERENCES = 11
# a few characters the 13a and ROUGE tokenizers treat specially, so the inputs are not plain ASCII prose
EXTRAS = ["\u00a0", "\u2014", "\u201cquoted\u201d", "caf\u00e9", "3.5", "1,440", "&amp;", "e.g.", "--", "(ok)"]


def generate():
    rng = random.Random(19)
    tickets = [json.loads(line) for line in open(TICKETS, encoding="utf-8")]
    sentences = []
    for t in tickets:
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", t["ticket"].replace("\n", " ")) if len(s) > 20]

    def perturb(text):
        words = text.split()
        out = []
        for w in words:
            r = rng.random()
            if r < 0.10:
                continue
            if r < 0.17:
                out.append(rng.choice(sentences).split()[0])
            elif r < 0.20:
                out.append(rng.choice(EXTRAS))
            out.append(w)
        if len(out) > 4 and rng.random() < 0.5:
            i = rng.randrange(len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
        return " ".join(out)

    with open(INPUTS, "w", encoding="utf-8") as f:
        for i in range(ITEMS):
            t = tickets[i % len(tickets)]
            refs = [t["summary"]]
            while len(refs) < REFERENCES:
                if rng.random() < 0.5:
                    refs.append(perturb(t["summary"]))
                else:
                    refs.append(" ".join(rng.sample(sentences, 2)))
            output = perturb(t["summary"])
            if i % 3 == 0:  # some outputs over several lines, as models write them
                output = output.replace(". ", ".\n")
            f.write(json.dumps({"id": "b-%03d" % i, "output": output, "references": refs},
                               ensure_ascii=False) + "\n")
    print("wrote", INPUTS, os.path.getsize(INPUTS), "bytes")


def rate(fn, items, minimum=3.0):
    """Items per second of fn over items, repeated for at least `minimum` seconds after one warm pass."""
    fn(items)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < minimum:
        fn(items)
        done += len(items)
    return done / (time.perf_counter() - start)


def time_all():
    import numpy as np
    import sacrebleu
    rows = [json.loads(line) for line in open(INPUTS, encoding="utf-8")]
    metric = sacrebleu.metrics.BLEU(effective_order=True)  # sentence_bleu's settings

    def one_ref(rs):
        for r in rs:
            metric.sentence_score(r["output"], r["references"][:1])

    def all_refs(rs):
        for r in rs:
            metric.sentence_score(r["output"], r["references"])

    print("sacrebleu %s sentence BLEU, 1 reference: %.0f items/s" % (sacrebleu.__version__, rate(one_ref, rows)))
    print("sacrebleu sentence BLEU, %d references: %.0f items/s" % (REFERENCES, rate(all_refs, rows)))

    # the paired bootstrap as numpy people write it: one (B, n) index matrix, differences averaged per row
    # the same doubles as BootstrapBench.Large (and BootstrapSideBySide): a formula, not a generator
    n, b = 100_000, 2_000
    i = np.arange(n, dtype=np.float64)
    baseline = np.fmod(i * 0.6180339887498949, 1.0)
    v = np.fmod(i * 0.7548776662466927, 1.0)
    candidate = np.minimum(1.0, np.maximum(0.0, baseline - 0.01 + 0.2 * (v - 0.5)))
    d = candidate - baseline
    times = []
    for _ in range(3):
        start = time.perf_counter()
        rs = np.random.default_rng(42)
        means = np.empty(b)
        for chunk in range(0, b, 100):  # 100 rows at a time: the full (2000, 100000) matrix is 1.6 GB
            idx = rs.integers(0, n, size=(min(100, b - chunk), n))
            means[chunk:chunk + idx.shape[0]] = d[idx].mean(axis=1)
        lo, hi = np.percentile(means, [2.5, 97.5])
        times.append(time.perf_counter() - start)
    print("numpy paired bootstrap, %d items x %d resamples: best %.2f s of %s; mean %.6f, 95%% [%.6f, %.6f]"
          % (n, b, min(times), ", ".join("%.2f" % t for t in times), d.mean(), lo, hi))


if __name__ == "__main__":
    {"generate": generate, "time": time_all}[sys.argv[1] if len(sys.argv) > 1 else "time"]()
