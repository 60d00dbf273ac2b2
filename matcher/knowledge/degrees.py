"""Degree stages and the many ways people write them ("Ph.D. candidate", "M.Sc.", "BEng")."""

from __future__ import annotations

from matcher.knowledge.text import fold
from matcher.models import Stage

STAGE_ALIASES: dict[str, Stage] = {
    **dict.fromkeys(
        [
            "bachelors",
            "bachelor",
            "bsc",
            "ba",
            "bs",
            "beng",
            "bachelor of science",
            "bachelor of arts",
            "undergraduate",
            "undergrad",
            "ug",
            "bachelor of engineering",
            "btech",
            "ab",
        ],
        Stage.BACHELORS,
    ),
    **dict.fromkeys(
        [
            "masters",
            "master",
            "msc",
            "ms",
            "ma",
            "mphil",
            "meng",
            "mres",
            "mtech",
            "mst",
            "mmath",
            "master of science",
            "master of engineering",
            "master of philosophy",
            "graduate",
        ],
        Stage.MASTERS,
    ),
    **dict.fromkeys(
        [
            "phd",
            "doctorate",
            "doctoral",
            "dphil",
            "doctor of philosophy",
            "phd candidate",
            "phd student",
            "engd",
            "doctoral candidate",
        ],
        Stage.PHD,
    ),
    **dict.fromkeys(["postdoc", "postdoctoral", "post doc", "postdoctoral researcher"], Stage.POSTDOC),
}

_BY_KEY = {alias.replace(" ", ""): stage for alias, stage in STAGE_ALIASES.items()}


def parse_stage(text: str) -> Stage | None:
    """The stage a written degree names, or None: "Ph.D. candidate" -> PHD, "M.Sc." -> MASTERS."""
    key = fold(text).replace(" ", "")
    if key in _BY_KEY:
        return _BY_KEY[key]
    for suffix in ("candidate", "student", "degree", "program", "programme", "inprogress"):
        if key.endswith(suffix) and key.removesuffix(suffix) in _BY_KEY:
            return _BY_KEY[key.removesuffix(suffix)]
    return None
