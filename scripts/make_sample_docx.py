"""Make data/reports/2024-Q1.docx, the sample as the region publishes its reports (a Word table), from the
text export kept for the tests (tests/data/reports/2024-Q1.txt), with python-docx.

    .venv/bin/python scripts/make_sample_docx.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.reading.report import decode  # noqa: E402
from nlp.reading.text import read_text_table  # noqa: E402
from nlp.reading.word import write_docx_table  # noqa: E402

if __name__ == "__main__":
    source = ROOT / "tests" / "data" / "reports" / "2024-Q1.txt"
    out = write_docx_table(read_text_table(decode(source.read_bytes())), ROOT / "data" / "reports" / "2024-Q1.docx")
    print(f"{source} -> {out}")
