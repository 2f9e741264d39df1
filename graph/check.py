"""``dakg check``: the manifest, the documents and every case file checked as a build would
check them (schema, quotes verbatim, reviewed keys that exist), without building.

What an analyst editing YAML runs all day, so it does only the work a problem could hide in:
the documents are read and cleaned (quotes are checked against the clean text), and they are
parsed only when a case file names fact keys (reviews, corrections, merges, splits,
separations), and then through the extraction cache a build fills.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from dakg.errors import InputError
from dakg.loaders.cases import CaseFile, CaseFileError, case_files, read_case

from .build import load_corpus
from .cases import apply_cases
from .extraction_cache import cached_extract


@dataclass
class CheckReport:
    """What was checked and every problem found (each one line naming file and line)."""

    documents: int = 0
    case_files: int = 0
    parsed: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_corpus(corpus: Path, cache_root: Path | None, strict: bool = False) -> CheckReport:
    """Check ``corpus`` (see the module); a manifest that cannot be read stops at once, any
    other problem is collected so that one run lists them all."""
    report = CheckReport()
    loaded = load_corpus(corpus, skip_bad=True)
    report.problems += loaded.skipped
    report.documents = len(loaded.documents)
    documents = {doc.stem: doc for doc in loaded.documents}
    cases: list[CaseFile] = []
    for path in case_files(corpus):
        report.case_files += 1
        try:
            cases.append(read_case(path))
        except CaseFileError as err:
            report.problems.append(str(err))
    keyed = any(c.reviews or c.merges or c.splits or c.separate for c in cases)
    extractions = {}
    if keyed:
        for doc in loaded.documents:
            extractions[doc.stem] = cached_extract(cache_root, doc)
        report.parsed = len(extractions)
    for case in cases:
        try:
            applied = apply_cases([case], copy.deepcopy(extractions), documents, strict)
            report.warnings += applied.stale if keyed else []
        except (CaseFileError, InputError) as err:
            report.problems.append(str(err))
    if not report.problems and len(cases) > 1:
        try:  # what only the files together can get wrong (one case slug in two files)
            apply_cases(cases, copy.deepcopy(extractions), documents, strict)
        except (CaseFileError, InputError) as err:
            report.problems.append(str(err))
    return report
