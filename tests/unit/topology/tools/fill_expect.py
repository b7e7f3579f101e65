#!/usr/bin/env python3
"""Proposes the '# expect:' lines of bad-corpus files by running a loader driver (argv[1], a
program that prints one diagnostic per line for the file it is given) until the lines are
stable. Every proposed line is then reviewed by hand before it is committed."""
import os
import subprocess
import sys


def run(driver, rel):
    return subprocess.run([driver, rel], capture_output=True, text=True, errors="surrogateescape").stdout.splitlines()


def main():
    driver = sys.argv[1]
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    os.chdir(here)
    for rel in sys.argv[2:]:
        for _ in range(4):
            with open(rel, errors="surrogateescape") as f:
                lines = f.read().split("\n")
            body = [l for i, l in enumerate(lines) if not (l.startswith("# expect: ") and
                    all(x.startswith("# expect: ") for x in lines[:i + 1]))]
            expected = ["# expect: " + l for l in run(driver, rel)]
            new = "\n".join(expected + body)
            if new == "\n".join(lines):
                break
            with open(rel, "w", errors="surrogateescape") as f:
                f.write(new)


if __name__ == "__main__":
    main()
