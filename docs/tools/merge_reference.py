#!/usr/bin/env python3
"""Folds docs/reference/*.md into README.md between its <!-- NAME:begin --> and <!-- NAME:end --> markers.

Each `$ realize -c 'A' -c 'B'` example becomes a ```console block of `realize> A` / `realize> B` lines, so the
README's example test (Tests/RealizeShellTests/ReadmeExamplesTests.swift) runs it and checks its output;
re-record outputs with `REALIZE_RECORD=1 swift test --filter ReadmeExamples`. Headings are demoted one level.
Dev tooling only; not part of the product.
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]


def convert(text: str) -> str:
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            line = "#" + line
        if line == "```" and i + 1 < len(lines) and lines[i + 1].startswith("$ realize -c '") and ".load" not in lines[i + 1]:
            cmd = lines[i + 1][len("$ realize -c '"):]
            cmd = cmd[:-1] if cmd.endswith("'") else cmd
            statements = cmd.split("' -c '")
            out.append("```console")
            out += ["realize> " + s for s in statements]
            # Skip the old output: it is re-recorded by the README test.
            j = i + 2
            while j < len(lines) and lines[j] != "```":
                j += 1
            out.append("```")
            i = j + 1
            continue
        out.append(line.replace("](../", "](docs/"))
        i += 1
    return "\n".join(out)


def main() -> int:
    readme = (root / "README.md").read_text(encoding="utf-8")
    for marker, files in [("reference", ["financial.md", "nps-maturity.md"]), ("exports", ["board-pack.md"])]:
        parts = [convert((root / "docs/reference" / f).read_text(encoding="utf-8").strip()) for f in files
                 if (root / "docs/reference" / f).exists()]
        begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
        pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
        readme = pattern.sub(lambda _: begin + "\n\n" + "\n\n".join(parts) + "\n\n" + end, readme)
    (root / "README.md").write_text(readme, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
