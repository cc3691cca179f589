"""Forms of the flow editor (Flask-WTF: every post carries the CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.validators import Length, Optional

MAX_SOURCE = 200_000


class SourceForm(FlaskForm):
    """The YAML of a draft; the button pressed (check or save) comes as 'action'."""

    source = TextAreaField("YAML", validators=[Length(max=MAX_SOURCE)])
    base_version = HiddenField()


class ConfirmForm(FlaskForm):
    """A button that changes something (publish, discard, roll back): only the CSRF token."""


class SimulatorForm(FlaskForm):
    transcript = HiddenField(validators=[Optional(), Length(max=MAX_SOURCE)])
    text = StringField("Message", validators=[Length(max=2000)])
    photo = BooleanField("Attach a photo (as MMS)")
