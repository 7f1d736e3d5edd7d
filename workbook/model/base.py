"""The base class of every record in the plan."""

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A part of the plan: unknown keys are an error, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False, allow_inf_nan=False)
