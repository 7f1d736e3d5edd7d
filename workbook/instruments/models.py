"""The shapes of the instrument definitions: every user-facing text in Dutch and English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from pydantic import BaseModel, ConfigDict

from workbook.language.i18n import language
from workbook.model.choices import Colour, ContextGroup, Determinant, Level, RogersKey
from workbook.model.fields import Choice


class Definition(BaseModel):
    """Instrument data: unknown keys are an error, and the loaded value never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Definition):
    nl: str
    en: str

    def __call__(self, lang: str | None = None) -> str:
        """The text in `lang` (default: the language in use)."""
        return self.en if (lang or language()) == "en" else self.nl


class Instrument(Definition):
    """What every instrument file starts with: its name and where it comes from."""

    name: Text
    source: str


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_Item = TypeVar("_Item", bound=_Keyed)


def _by_key(items: Sequence[_Item], key: str) -> _Item:
    """The item whose key is `key` (KeyError when there is none)."""
    for item in items:
        if item.key == key:
            return item
    raise KeyError(key)


# --- sustainability scan -----------------------------------------------------------------------


class Weight(Definition):
    value: float
    verified: bool
    source: str


class ScanFactor(Definition):
    key: str
    domain: str
    label: Text
    description: Text
    weights: dict[Level, Weight]

    @property
    def max(self) -> float:
        """The weight of level A, the best answer."""
        return self.weights[Level.A].value

    @property
    def max_verified(self) -> bool:
        return self.weights[Level.A].verified


class ScanDomain(Definition):
    key: str
    label: Text


class Threshold(Definition):
    value: float
    verified: bool
    source: str
    label: Text


class SustainabilityScan(Instrument):
    sources: list[str] = []
    threshold: Threshold
    domains: list[ScanDomain]
    levels: dict[Level, Text]
    """What each level means, the same for every factor (written for this workbook)."""
    factors: list[ScanFactor]

    def factor(self, key: str) -> ScanFactor:
        """The factor with this key (KeyError when unknown)."""
        return _by_key(self.factors, key)

    def __getitem__(self, key: str) -> ScanFactor:
        return self.factor(key)

    @property
    def keys(self) -> list[str]:
        return [factor.key for factor in self.factors]

    @property
    def max_total(self) -> float:
        """The highest possible total: every factor at level A."""
        return round(sum(factor.max for factor in self.factors), 1)


# --- Rogers, Mendelow, De Caluwé, context groups -----------------------------------------------


class RogersCharacteristic(Definition):
    key: RogersKey
    reverse_scored: bool
    question: Text
    description: Text


class RogersInstrument(Instrument):
    characteristics: list[RogersCharacteristic]

    def __getitem__(self, key: RogersKey | str) -> RogersCharacteristic:
        return _by_key(self.characteristics, key)


class Quadrant(Choice):
    """A cell of the power/interest grid (Mendelow)."""

    manage_closely = "manage_closely", "Nauw betrekken", "Manage closely"
    keep_satisfied = "keep_satisfied", "Tevreden houden", "Keep satisfied"
    keep_informed = "keep_informed", "Informeren", "Keep informed"
    monitor = "monitor", "Monitoren", "Monitor"


class QuadrantDefinition(Definition):
    key: Quadrant
    power: str
    interest: str
    label: Text
    description: Text
    strategies: list[Text]


class MendelowInstrument(Instrument):
    quadrants: list[QuadrantDefinition]

    def __getitem__(self, key: Quadrant | str) -> QuadrantDefinition:
        return _by_key(self.quadrants, key)


class ColourDefinition(Definition):
    key: Colour
    meaning: Text
    fits_when: Text


class ColoursInstrument(Instrument):
    colours: list[ColourDefinition]

    def __getitem__(self, key: Colour | str) -> ColourDefinition:
        return _by_key(self.colours, key)


class ContextGroupDefinition(Definition):
    key: ContextGroup
    description: Text
    examples: list[Text]


class ContextGroupsInstrument(Instrument):
    groups: list[ContextGroupDefinition]

    def __getitem__(self, key: ContextGroup | str) -> ContextGroupDefinition:
        return _by_key(self.groups, key)


# --- determinants and strategies ---------------------------------------------------------------


class DeterminantDefinition(Definition):
    key: Determinant
    group: ContextGroup
    source: str
    barrier: str
    """The CFIR construct (2009, as the CFIR-ERIC matching tool knows it) this determinant is linked to:
    its name is shown and its strategies are suggested, so the two cannot disagree."""
    verified: bool
    """True when the link is exact (same meaning), False when it is an approximation."""
    note: str
    why: str
    """Why this construct was chosen, in a few words."""


class DeterminantsInstrument(Instrument):
    sources: list[str] = []
    determinants: list[DeterminantDefinition]

    def __getitem__(self, key: Determinant | str) -> DeterminantDefinition:
        return _by_key(self.determinants, key)


class StrategyDefinition(Definition):
    key: str
    eric: str
    """The strategy's name in the ERIC compilation (Powell et al. 2015)."""
    label: Text
    why: Text


class Endorsement(Definition):
    strategy: str
    share: float | None
    """Percentage of experts who chose this strategy for the barrier; None where no published share is known."""
    verified: bool
    """True only for a share taken from a published source (named in `source`)."""
    source: str


class CfirDomain(Definition):
    """One of the five CFIR domains, named as CFIR 2.0 names them."""

    key: str
    label: Text


class BarrierDefinition(Definition):
    key: str
    label: Text
    """The construct's name as the workbook shows it (Dutch on Dutch pages)."""
    cfir: str
    """The CFIR 2009 name the matching tool uses: on a Dutch page only in the glossary."""
    domain: str
    """The key of the CFIR domain that holds the construct."""
    description: Text
    """What the construct is about, in plain words (the glossary's explanation)."""
    strategies: list[Endorsement]


class StrategiesInstrument(Instrument):
    sources: list[str] = []
    strategies: list[StrategyDefinition]
    domains: list[CfirDomain]
    barriers: list[BarrierDefinition]

    def domain(self, key: str) -> CfirDomain:
        return _by_key(self.domains, key)

    def strategy(self, key: str) -> StrategyDefinition:
        return _by_key(self.strategies, key)

    def barrier(self, key: str) -> BarrierDefinition:
        return _by_key(self.barriers, key)
