"""Where a stakeholder sits on the power/interest grid (Mendelow), and how to approach them.

A score of 3 or more (on 1-5) counts as *high*: the middle of the scale already deserves
attention, so a stakeholder scored 3/3 lands in "manage closely" rather than "monitor".
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.instruments import Quadrant, colours, mendelow
from workbook.language.i18n import Messages, language
from workbook.model import Colour, Position, Stakeholder

HIGH = 3
"""Power or interest at or above this score (1-5) counts as high."""

# A colour that usually suits a position when the user has not chosen one; a suggestion only.
COLOUR_FOR_POSITION = {
    Position.opponent: Colour.yellow,
    Position.neutral: Colour.red,
    Position.supporter: Colour.green,
}

msg = Messages(
    {
        "chosen": ("Gekozen strategie: {colour}.", "Chosen strategy: {colour}."),
        "suggested": ("Voorstel: {colour}. Past wanneer: {fits}", "Suggestion: {colour}. Fits when: {fits}"),
        "opponent": (
            "Let op: tegenstander. Zoek uit wat het voor hen bedreigt en wat hen over de streep kan trekken.",
            "Note: opponent. Find out what it threatens for them and what could win them over.",
        ),
        "supporter": (
            "Voorstander: vraag hen als ambassadeur.",
            "Supporter: ask them to act as an ambassador.",
        ),
    }
)


@dataclass(frozen=True)
class StrategySuggestion:
    """How to approach one stakeholder: the quadrant's strategies plus an influence colour."""

    quadrant: Quadrant
    colour: Colour
    colour_chosen: bool
    """True when the user picked the colour; False when it is our suggestion."""
    advice: list[str]
    """Sentences in the language in use, most important first."""


def quadrant(power: int, interest: int) -> Quadrant:
    """The grid cell for `power` and `interest` (1-5 each; 3 or more is high)."""
    high_power, high_interest = power >= HIGH, interest >= HIGH
    if high_power:
        return Quadrant.manage_closely if high_interest else Quadrant.keep_satisfied
    return Quadrant.keep_informed if high_interest else Quadrant.monitor


def suggested_strategy(stakeholder: Stakeholder, lang: str | None = None) -> StrategySuggestion:
    """The quadrant's strategies, the chosen (or a suggested) colour and a word on the position."""
    lang = lang or language()
    cell = quadrant(stakeholder.power, stakeholder.interest)
    advice = [strategy(lang) for strategy in mendelow()[cell].strategies]
    if stakeholder.position == Position.opponent:
        advice.insert(0, msg("opponent", lang))
    elif stakeholder.position == Position.supporter:
        advice.append(msg("supporter", lang))
    colour = stakeholder.strategy or COLOUR_FOR_POSITION[stakeholder.position]
    if stakeholder.strategy:
        advice.append(msg("chosen", lang, colour=colour.label(lang)))
    else:
        advice.append(msg("suggested", lang, colour=colour.label(lang), fits=colours()[colour].fits_when(lang)))
    return StrategySuggestion(cell, colour, stakeholder.strategy is not None, advice)
