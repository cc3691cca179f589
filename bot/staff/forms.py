"""Flask-WTF forms of the console, and CSRF protection for the whole app."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, request
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from wtforms import (
    DateField,
    EmailField,
    PasswordField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from bot.outbound import SMS_MAX_CHARS
from bot.staff.workflow import STATUS_LABELS

try:
    from wtforms.fields.choices import SelectChoice
except ImportError:  # WTForms before 3.3 takes (value, label) tuples
    SelectChoice = None

csrf = CSRFProtect()


def choices(pairs) -> list:
    """Select options from (value, label) pairs, in the form this WTForms version wants."""
    pairs = list(pairs.items()) if isinstance(pairs, dict) else list(pairs)
    if SelectChoice is None:
        return pairs
    return [SelectChoice(value, label) for value, label in pairs]


def init_csrf(app: Flask) -> None:
    """CSRF on every form post, except Twilio's signed webhook and the JSON chat API."""
    from bot.channels import chat, sms

    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)  # a whole shift on one page
    csrf.init_app(app)
    csrf.exempt(sms.bp)
    csrf.exempt(chat.bp)
    _skip_exempt_blueprints(app, {sms.bp.name, chat.bp.name})


def _skip_exempt_blueprints(app: Flask, names: set[str]) -> None:
    """Flask-WTF's hook runs before every request of the app and works out, through the
    `request` and `current_app` proxies, whether the view is exempt; for each webhook post
    that is about 2% of the request. A request to an exempt blueprint (named in names)
    now skips the hook at once: the answer it would have reached."""
    hooks = app.before_request_funcs.get(None, [])
    for i, hook in enumerate(hooks):
        if hook.__module__ == "flask_wtf.csrf" and hook.__name__ == "csrf_protect":
            hooks[i] = _unless_blueprint(hook, frozenset(names))


def _unless_blueprint(hook: Callable[[], None], names: frozenset[str]) -> Callable[[], None]:
    @wraps(hook)
    def csrf_protect() -> None:
        if request.blueprint in names:
            return None
        return hook()

    return csrf_protect


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])


class QueueFilterForm(FlaskForm):
    """The queue's filters, read from the query string (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    q = StringField("Search", validators=[Optional(), Length(max=100)],
                    description="A reference, the last four digits of a phone, or words")
    agency = SelectField("Agency", validators=[Optional()])
    type = SelectField("Type", validators=[Optional()])
    subtype = StringField("Subtype", validators=[Optional(), Length(max=48)])
    status = SelectField("Status", validators=[Optional()],
                         choices=choices({"": "Any", **STATUS_LABELS}))
    language = SelectField("Language", validators=[Optional()])
    channel = SelectField("Channel", validators=[Optional()],
                          choices=choices({"": "Any", "sms": "SMS", "chat": "Web chat"}))
    date_from = DateField("From", validators=[Optional()])
    date_to = DateField("To", validators=[Optional()])

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("The end date is before the start date.")


class _OnReportPage(FlaskForm):
    """One of several forms on a report's page: its prefix keeps field ids unique."""

    prefix_name = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix=self.prefix_name, **kwargs)


class StatusForm(_OnReportPage):
    prefix_name = "status"
    status = SelectField("New status", choices=choices(STATUS_LABELS),
                         validators=[DataRequired()])
    reason = TextAreaField("Reason (required to close)", validators=[Length(max=1000)])


class NoteForm(_OnReportPage):
    prefix_name = "note"
    body = TextAreaField("Internal note", validators=[DataRequired(), Length(max=4000)])


class ReplyForm(_OnReportPage):
    prefix_name = "reply"
    body = TextAreaField("Message to the resident",
                         validators=[DataRequired(), Length(max=SMS_MAX_CHARS)])


class ReassignForm(_OnReportPage):
    prefix_name = "reassign"
    agency = SelectField("Reassign to", validators=[DataRequired()])
    reason = TextAreaField("Reason", validators=[Length(max=1000)])


class AcknowledgeForm(FlaskForm):
    note = TextAreaField("Note", validators=[Length(max=2000)])


class UserForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    role = SelectField("Role", choices=choices(
        {"staff": "Staff", "supervisor": "Supervisor", "admin": "Admin"}))
    agency = SelectField("Agency")
    password = PasswordField("Initial password", validators=[DataRequired(), Length(min=12)])
