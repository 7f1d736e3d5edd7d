"""The SMART check agrees with a hand-labelled set of Dutch goals (tests/advice/goals.yaml).

The labels follow docs/smart-labelling.md. The target is agreement of at least 90% per criterion
for S, M and T, on the whole set and on batch 2 (goals written after the rules were fixed).
"""

from pathlib import Path

import pytest
import yaml

from workbook.analysis.smart import Outcome, check_goal
from workbook.model import Goal

GOALS = yaml.safe_load((Path(__file__).parent / "goals.yaml").read_text(encoding="utf-8"))
SECTORS = {"vvt", "wijkzorg", "ggz", "ghz", "onderwijs"}


def disagreements(goals: list[dict], criterion: str) -> list[str]:
    found = []
    for labelled in goals:
        verdict = check_goal(Goal(id="D1", text=labelled["text"]), "nl")[criterion]
        if (verdict.outcome == Outcome.met) != labelled[criterion]:
            found.append(f"{labelled[criterion]}: {labelled['text']} ({verdict.reason})")
    return found


def test_the_set_is_large_varied_and_balanced():
    assert len(GOALS) >= 150
    assert {g["sector"] for g in GOALS} == SECTORS
    assert all(sum(g["sector"] == s for g in GOALS) >= 25 for s in SECTORS)
    for criterion in "SMT":
        met = sum(g[criterion] for g in GOALS)
        assert 0.2 < met / len(GOALS) < 0.8, criterion  # both outcomes well represented
    assert len({g["text"] for g in GOALS}) == len(GOALS)


@pytest.mark.parametrize("criterion", ["S", "M", "T"])
def test_agreement_per_criterion_is_at_least_90_percent(criterion):
    wrong = disagreements(GOALS, criterion)
    assert 1 - len(wrong) / len(GOALS) >= 0.9, "\n".join(wrong)


@pytest.mark.parametrize("criterion", ["S", "M", "T"])
def test_agreement_on_goals_written_after_the_rules(criterion):
    later = [g for g in GOALS if g.get("batch") == 2]
    assert len(later) >= 40
    wrong = disagreements(later, criterion)
    assert 1 - len(wrong) / len(later) >= 0.9, "\n".join(wrong)
