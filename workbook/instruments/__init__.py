"""Instrument definitions, kept as YAML data files with a source for every value.

Each loader reads its file once (cached) from ``workbook.resources.instruments_dir()``::

    scan = sustainability_scan()
    scan.factor("benefits").max          # 8.5, verified against MacDonald et al. 2021
    mendelow()[Quadrant.manage_closely].strategies[0]("en")
"""

from __future__ import annotations

from functools import cache
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from workbook.errors import Problem, WorkbookError
from workbook.instruments.models import (
    BarrierDefinition,
    CfirDomain,
    ColourDefinition,
    ColoursInstrument,
    ContextGroupDefinition,
    ContextGroupsInstrument,
    DeterminantDefinition,
    DeterminantsInstrument,
    Endorsement,
    MendelowInstrument,
    Quadrant,
    QuadrantDefinition,
    RogersCharacteristic,
    RogersInstrument,
    ScanDomain,
    ScanFactor,
    StrategiesInstrument,
    StrategyDefinition,
    SustainabilityScan,
    Text,
    Threshold,
    Weight,
)
from workbook.language.i18n import Messages
from workbook.model.choices import Colour, ContextGroup, Determinant, Level, RogersKey
from workbook.resources import instruments_dir

__all__ = [
    "SCAN_FACTORS",
    "BarrierDefinition",
    "CfirDomain",
    "ColourDefinition",
    "ColoursInstrument",
    "ContextGroupDefinition",
    "ContextGroupsInstrument",
    "DeterminantDefinition",
    "DeterminantsInstrument",
    "Endorsement",
    "MendelowInstrument",
    "Quadrant",
    "QuadrantDefinition",
    "RogersCharacteristic",
    "RogersInstrument",
    "ScanDomain",
    "ScanFactor",
    "StrategiesInstrument",
    "StrategyDefinition",
    "SustainabilityScan",
    "Text",
    "Threshold",
    "Weight",
    "colours",
    "context_groups",
    "determinants",
    "mendelow",
    "rogers",
    "strategies",
    "sustainability_scan",
]

msg = Messages(
    {
        "broken": (
            "het instrumentbestand klopt niet: {error}",
            "the instrument file is not valid: {error}",
        ),
        "incomplete": (
            "{what} ontbreekt in het instrumentbestand",
            "{what} is missing from the instrument file",
        ),
    }
)

Model = TypeVar("Model", bound=BaseModel)


def _load(filename: str, model: type[Model]) -> Model:
    """Read and validate one instrument file; a clear error naming the file when it is broken."""
    path = instruments_dir() / filename
    try:
        return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise WorkbookError(Problem(file=str(path), message=msg("broken", error=error))) from error


def _require_all(filename: str, found: set, expected: set) -> None:
    missing = sorted(str(key) for key in expected - found)
    if missing:
        path = instruments_dir() / filename
        raise WorkbookError(Problem(file=str(path), message=msg("incomplete", what=", ".join(missing))))


SCAN_FACTORS = (
    "benefits",
    "credibility",
    "adaptability",
    "monitoring",
    "staff_involvement",
    "staff_behaviours",
    "senior_leadership",
    "clinical_leadership",
    "fit",
    "infrastructure",
)


@cache
def sustainability_scan() -> SustainabilityScan:
    """The NHS sustainability scan: 10 factors, level weights A-D with source and verified flag."""
    scan = _load("sustainability.yaml", SustainabilityScan)
    _require_all("sustainability.yaml", set(scan.keys), set(SCAN_FACTORS))
    for factor in scan.factors:
        _require_all("sustainability.yaml", set(factor.weights), set(Level))
    return scan


@cache
def rogers() -> RogersInstrument:
    """Rogers' five characteristics of the change, in the order they are usually asked."""
    instrument = _load("rogers.yaml", RogersInstrument)
    _require_all("rogers.yaml", {item.key for item in instrument.characteristics}, set(RogersKey))
    return instrument


@cache
def mendelow() -> MendelowInstrument:
    """Mendelow's four quadrants with a description and suggested strategies."""
    instrument = _load("mendelow.yaml", MendelowInstrument)
    _require_all("mendelow.yaml", {item.key for item in instrument.quadrants}, set(Quadrant))
    return instrument


@cache
def colours() -> ColoursInstrument:
    """De Caluwé's colours: what each means and when it fits."""
    instrument = _load("colours.yaml", ColoursInstrument)
    _require_all("colours.yaml", {item.key for item in instrument.colours}, set(Colour))
    return instrument


@cache
def context_groups() -> ContextGroupsInstrument:
    """The four groups of the context diagnosis with example prompts (MIDI / CFIR inspired)."""
    instrument = _load("context_groups.yaml", ContextGroupsInstrument)
    _require_all("context_groups.yaml", {item.key for item in instrument.groups}, set(ContextGroup))
    return instrument


@cache
def determinants() -> DeterminantsInstrument:
    """The MIDI determinants with their group and the CFIR construct (matching-tool barrier) each is linked to."""
    instrument = _load("determinants.yaml", DeterminantsInstrument)
    _require_all("determinants.yaml", {item.key for item in instrument.determinants}, set(Determinant))
    _require_all(
        "strategies.yaml", {b.key for b in strategies().barriers}, {d.barrier for d in instrument.determinants}
    )
    return instrument


@cache
def strategies() -> StrategiesInstrument:
    """ERIC strategies in Dutch words and, per barrier, the share of experts endorsing each."""
    instrument = _load("strategies.yaml", StrategiesInstrument)
    named = {s.strategy for b in instrument.barriers for s in b.strategies}
    _require_all("strategies.yaml", {s.key for s in instrument.strategies}, named)
    _require_all("strategies.yaml", {d.key for d in instrument.domains}, {b.domain for b in instrument.barriers})
    return instrument
