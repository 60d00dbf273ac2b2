"""Deterministic generator of realistic posting folders for the benchmark.

    python bench/generate.py N [OUT_DIR]     (default OUT_DIR: bench/data/N)
    python bench/generate.py --skills N [FILE]   a profile with N skills (bench/data/profile-N-skills.yaml)

Each posting is shaped like the curated ones: 10-25 qualifications of every kind, skills and venues
drawn from the catalogues' vocabulary, quotes of posting-like prose, 1-3 KB of YAML. The same N
gives byte-identical files (seeded by N), so runs compare like with like.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

SKILLS = (
    """
PyTorch TensorFlow JAX Python C++ C Rust Go Java CUDA Verilog SystemVerilog Chisel gem5 Kubernetes
Docker Linux SQL Spark Ray MPI OpenMP scikit-learn NumPy pandas LLVM MLIR Triton TVM ONNX TensorRT
""".split()
    + [
        "few-shot learning",
        "meta-learning",
        "uncertainty quantification",
        "calibration",
        "robustness",
        "video recognition",
        "object detection",
        "image segmentation",
        "3d vision",
        "neural rendering",
        "large language models",
        "machine translation",
        "question answering",
        "summarization",
        "retrieval-augmented generation",
        "speech recognition",
        "text-to-speech",
        "reinforcement learning",
        "imitation learning",
        "robot manipulation",
        "motion planning",
        "distributed systems",
        "operating systems",
        "memory systems",
        "storage systems",
        "computer networks",
        "computer security",
        "cryptography",
        "formal verification",
        "program analysis",
        "compilers",
        "computer architecture",
        "hardware design",
        "fpga design",
        "ai accelerators",
        "llm serving",
        "distributed training",
        "databases",
        "query optimization",
        "data mining",
        "recommender systems",
        "information retrieval",
        "human-computer interaction",
        "visualization",
        "user studies",
        "medical imaging",
        "clinical nlp",
        "drug discovery",
        "genomics",
        "causal inference",
        "bayesian methods",
        "gaussian processes",
        "optimization",
        "time series",
        "graph neural networks",
        "diffusion models",
        "multimodal learning",
        "explainability",
        "differential privacy",
        "federated learning",
        "open-source software",
    ]
)
FIELDS = [
    "computer science",
    "electrical engineering",
    "machine learning",
    "computer vision",
    "natural language processing",
    "robotics",
    "statistics",
    "computer architecture",
    "computer systems",
    "computer security",
    "human-computer interaction",
    "bioinformatics",
]
VENUES = [
    "NeurIPS",
    "ICML",
    "ICLR",
    "CVPR",
    "ICCV",
    "ECCV",
    "ACL",
    "EMNLP",
    "NAACL",
    "AAAI",
    "IJCAI",
    "KDD",
    "ISCA",
    "MICRO",
    "HPCA",
    "ASPLOS",
    "OSDI",
    "SOSP",
    "NSDI",
    "EuroSys",
    "SIGCOMM",
    "CCS",
    "USENIX Security",
    "NDSS",
    "SIGMOD",
    "VLDB",
    "CHI",
    "UIST",
    "SIGGRAPH",
    "MICCAI",
    "MIDL",
    "ICRA",
    "IROS",
    "CoRL",
    "Interspeech",
    "ICASSP",
    "JMLR",
    "TPAMI",
    "TMLR",
    "UAI",
]
AREAS = ["ml", "cv", "nlp", "arch", "systems", "security", "db", "hci", "graphics", "health", "robotics", "speech"]
PLACES = [
    "Cambridge, UK",
    "London, UK",
    "Redmond, WA",
    "Seattle, WA",
    "New York, NY",
    "San Francisco, CA",
    "Mountain View, CA",
    "Boston, MA",
    "Toronto, ON, Canada",
    "Montreal, QC, Canada",
    "Vancouver, BC, Canada",
    "Zurich, Switzerland",
    "Paris, France",
    "Berlin, Germany",
    "Amsterdam, Netherlands",
    "Tokyo, Japan",
    "Beijing, China",
    "Bangalore, India",
    "Singapore",
    "Sydney, Australia",
    "Tel Aviv, Israel",
    "Remote",
]
ORGS = [
    "Microsoft Research",
    "Google DeepMind",
    "Meta FAIR",
    "NVIDIA Research",
    "Apple MLR",
    "IBM Research",
    "Amazon Science",
    "Adobe Research",
    "Samsung AI Center",
    "Huawei Noah's Ark",
    "Allen Institute for AI",
    "Bosch Center for AI",
    "Sony AI",
    "Intel Labs",
    "Qualcomm AI Research",
    "ByteDance Research",
]
TEXTS = [
    "Effective communication skills and ability to work in a collaborative environment.",
    "Ability to work independently and drive a research agenda.",
    "Passion for human-centric applications of AI for social good.",
    "Experience working in a multi-disciplinary team with diverse skill sets.",
    "Strong written and verbal communication skills.",
    "Curiosity and a growth mindset; willingness to learn outside your field.",
    "Track record of shipping research prototypes.",
    "Experience mentoring junior researchers or students.",
    "Fluent in the relevant state-of-the-art research.",
    "Depth of knowledge in experimentation, implementation, and evaluation.",
]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PROSE = (
    "You will work with world-class researchers to advance the state of the art and publish your "
    "results at top venues, building prototypes that reach millions of users."
)


def qualification(rng: random.Random) -> dict:
    kind = rng.choices(
        ["degree", "research_experience", "publications", "skills_any", "skills_all", "location", "text", "any_of"],
        weights=[1, 1, 2, 4, 2, 1, 2, 1],
    )[0]
    if kind == "degree":
        q: dict = {
            "degree": {
                "stage": rng.choice([["phd"], ["masters", "phd"], ["bachelors", "masters", "phd"]]),
                "fields": rng.sample(FIELDS, rng.randint(1, 4)),
                "related_fields": rng.random() < 0.7,
                "enrolled": True,
            }
        }
    elif kind == "research_experience":
        q = {"research_experience": {"min_years": rng.choice([0.5, 1, 2, 3]), "fields": rng.sample(FIELDS, 2)}}
    elif kind == "publications":
        q = {"publications": {"venues": rng.sample(VENUES, rng.randint(2, 8)), "min": rng.randint(1, 2)}}
        if rng.random() < 0.3:
            q["publications"]["areas"] = rng.sample(AREAS, 2)
    elif kind in ("skills_any", "skills_all"):
        q = {"skills": {"any" if kind == "skills_any" else "all": rng.sample(SKILLS, rng.randint(1, 4))}}
    elif kind == "location":
        q = {"location": {"on_site": rng.sample(PLACES, rng.randint(1, 2))}}
    elif kind == "text":
        q = {"text": rng.choice(TEXTS)}
    else:
        q = {
            "any_of": [
                {"degree": {"stage": ["phd"], "enrolled": True}},
                {"all_of": [{"degree": {"stage": ["masters"], "enrolled": True}}, {"research_experience": {"min_years": 1}}]},
            ]
        }
    q["quote"] = rng.choice(TEXTS) if rng.random() < 0.7 else PROSE[: rng.randint(30, len(PROSE))]
    return q


def posting(index: int, rng: random.Random) -> dict:
    total = rng.randint(10, 25)
    required = rng.randint(3, min(8, total - 2))
    org = rng.choice(ORGS)
    document = {
        "id": f"gen-{index:06d}",
        "title": f"Research Intern, {rng.choice(SKILLS).title()} and {rng.choice(FIELDS).title()}",
        "organization": org,
        "location": rng.sample(PLACES, rng.randint(1, 2)),
        "deadline": f"{rng.choice([2025, 2026, 2027])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "duration_weeks": rng.choice([12, 16, 24]),
        "source": f"generated by bench/generate.py #{index}",
        "topics": rng.sample(SKILLS, rng.randint(3, 6)),
        "required": [qualification(rng) for _ in range(required)],
        "preferred": [qualification(rng) for _ in range(total - required)],
    }
    return document


def generate(count: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for index in range(count):
        text = yaml.dump(posting(index, rng), Dumper=DUMPER, sort_keys=False, width=100, allow_unicode=True)
        (out / f"gen-{index:06d}.yaml").write_text(text, encoding="utf-8")


def skills_profile(count: int, out: Path) -> None:
    """profiles/me.yaml with `count` skills: every skill and field the postings draw from,
    then made-up ones of their words ("distributed robustness", "gaussian rendering 17"), so
    that most of the list matches nothing, as a long CV's tool list would."""
    profile = yaml.safe_load((Path(__file__).resolve().parent.parent / "profiles" / "me.yaml").read_text(encoding="utf-8"))
    rng = random.Random(count)
    words = sorted({w for skill in SKILLS + FIELDS for w in skill.split()})
    skills = list(dict.fromkeys(SKILLS + FIELDS))
    while len(skills) < count:
        made = f"{rng.choice(words)} {rng.choice(words)}" + (f" {len(skills)}" if rng.random() < 0.5 else "")
        if made not in skills:
            skills.append(made)
    profile["skills"] = skills[:count]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.dump(profile, Dumper=DUMPER, sort_keys=False, width=100, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "--skills":  # python bench/generate.py --skills N [FILE]: a profile with N skills
        n = int(sys.argv[2])
        skills_profile(n, Path(sys.argv[3]) if len(sys.argv) > 3 else Path(__file__).parent / "data" / f"profile-{n}-skills.yaml")
        sys.exit(0)
    n = int(sys.argv[1])
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "data" / str(n)
    generate(n, target)
    sizes = [p.stat().st_size for p in target.glob("*.yaml")]
    print(f"{len(sizes)} postings in {target}: {min(sizes)}-{max(sizes)} bytes, mean {sum(sizes) // len(sizes)}")
