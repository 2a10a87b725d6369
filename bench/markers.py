"""Replaces the text between <!-- NAME:start --> and <!-- NAME:end --> in a Markdown file (shared by the writers)."""
import os


def write_between(doc, name, lines, heading):
    text = open(doc, encoding="utf-8").read() if os.path.exists(doc) else "# Performance\n"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = start + "\n" + "\n".join(lines) + end
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + block + "\n"
    open(doc, "w", encoding="utf-8").write(text)
