"""One resident message worked through the global commands and the flows.

Runs inside the engine's transaction; everything it changes is written before the reply leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from bot.conversation.answers import Answer, Miss, Turn, read_answer
from bot.conversation.compiler import CompiledFlow
from bot.conversation.flow import Step
from bot.conversation.fold import fold
from bot.conversation.prompts import edit_menu, pick, question, summary
from bot.conversation.registry import INTAKE, FlowRegistry
from bot.reference import canonical
from bot.storage import conversations as store
from bot.storage.reports import file_report, report_for_contact

MAX_MISSES = 3


@dataclass(frozen=True)
class Media:
    url: str
    content_type: str


@dataclass(frozen=True)
class Inbound:
    """One message from a resident, as a channel hands it over."""

    channel: str  # sms | chat
    address: str  # E.164 number for sms, session id for chat
    text: str
    media: tuple[Media, ...] = ()
    provider_id: str | None = None


@dataclass
class Settings:
    """What a dialogue needs from configuration, read once at start-up."""

    idle: timedelta
    region: str
    city_tz: Any  # tzinfo


@dataclass
class Dialogue:
    registry: FlowRegistry
    settings: Settings
    conn: Connection
    contact: dict
    inbound: Inbound
    message_id: int
    now: datetime
    replies: list[str] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    conv: dict | None = None
    understood: str | None = None  # "Theft: bike", said before the next question
    unsaved: dict[int, dict] = field(default_factory=dict)  # conversations save() marked

    def __post_init__(self):
        self.texts = self.registry.texts
        self.lang = self.contact["language"]
        if self.conv is None:  # the engine may have read it along with the contact
            self.conv = store.load_conversation(self.conn, self.contact["conversation_id"])
        self.folded = fold(self.inbound.text)

    # --- bookkeeping -------------------------------------------------------------------

    def say(self, key: str, **params) -> None:
        self.replies.append(self.texts.say(key, self.lang, **params))

    def event(self, kind: str, **data) -> None:
        self.events.append({
            "at": self.now, "kind": kind, "contact_id": self.contact["id"],
            "conversation_id": self.conv["id"] if self.conv else None, "data": data,
        })

    def flow(self) -> CompiledFlow:
        return self.registry.compiled(self.conn, self.conv["flow"], self.conv["flow_version"])

    def save(self) -> None:
        """Mark the current conversation to be written by flush(), at the end of the turn:
        nothing in a turn reads a conversation row back, so the UPDATE can travel with
        the turn's last writes (one round trip on PostgreSQL)."""
        if self.conv is not None:
            self.unsaved[self.conv["id"]] = self.conv

    def flush(self) -> None:
        """Write every conversation this turn changed (a closed one and its successor)."""
        for conv in self.unsaved.values():
            store.save_conversation(self.conn, conv, self.now)
        self.unsaved.clear()

    def close(self, status: str) -> None:
        """End the current conversation (submitted, cancelled, abandoned)."""
        if self.conv is None:
            return
        self.event(f"conversation_{status}", flow=self.conv["flow"], step=self.conv["state"],
                   version=self.conv["flow_version"])
        self.conv["status"] = status
        self.save()
        store.update_contact(self.conn, self.contact["id"], conversation_id=None)
        self.contact["conversation_id"] = None
        self.conv = None

    # --- the turn ----------------------------------------------------------------------

    def run(self) -> None:
        command = self.texts.command(self.folded)
        if self.contact["opted_out"]:
            if command and command.name == "start":
                self.opt_in()
            return
        if command is not None:
            getattr(self, f"cmd_{command.name}")(command.argument)
        elif (lang := self.texts.language(self.folded)) is not None:
            self.set_language(lang)
        elif self.conv is None:
            self.begin(first_text=True)
        elif self.conv["data"].get("resume_pending"):
            self.answer_resume()
        elif self.now - self.conv["updated_at"] > self.settings.idle:
            self.offer_resume()
        elif self.conv["data"].get("choosing_edit"):
            self.choose_edit()
        else:
            self.answer()
        self.save()

    def begin(self, first_text: bool = False) -> None:
        """A new conversation on the live intake flow; the first message may pick the flow."""
        intake = self.registry.live(self.conn, INTAKE)
        data = {"answers": {}, "shown": {}, "history": [], "misses": 0}
        self.conv = store.start_conversation(
            self.conn, self.contact["id"], self.inbound.channel, intake.name, intake.version,
            intake.flow.start, data, self.now)
        store.update_contact(self.conn, self.contact["id"], conversation_id=self.conv["id"])
        self.contact["conversation_id"] = self.conv["id"]
        self.event("conversation_started", flow=intake.name, version=intake.version,
                   channel=self.inbound.channel)
        if first_text:
            hit = intake.match_keywords(intake.flow.start, self.folded)
            if hit is not None:
                value, lang = hit
                if lang != self.lang and lang in self.texts.languages:
                    self.change_language(lang)
                choice = next(c for c in intake.step(intake.flow.start).choices if c.value == value)
                self.conv["data"]["answers"]["kind"] = value
                self.event("step_answered", flow=intake.name, step=intake.flow.start, guessed=True)
                self.hand_over(choice.goto)
                return
        self.prompt()

    def prompt(self, prefix: str | None = None) -> None:
        flow = self.flow()
        step = flow.step(self.conv["state"])
        params = {}
        if step.type == "confirm":
            params["summary"] = summary(flow, self.conv["data"], self.lang, self.texts)
        text = question(flow, step, self.lang, self.texts, **params)
        prefix = "\n".join(p for p in (self.understood, prefix) if p)
        self.understood = None
        self.replies.append(f"{prefix}\n{text}" if prefix else text)
        self.event("step_prompted", flow=flow.name, version=flow.version, step=step.name)

    def hand_over(self, target: str) -> None:
        """Move the conversation onto the live version of another flow; when the message
        already says which first choice it is ("my bike was stolen"), take it as answered."""
        flow = self.registry.live(self.conn, target)
        self.conv.update(flow=flow.name, flow_version=flow.version, state=flow.flow.start)
        self.conv["data"]["history"] = []
        self.event("flow_entered", flow=flow.name, version=flow.version)
        start = flow.step(flow.flow.start)
        hit = flow.match_keywords(start.name, self.folded) if start.type == "choice" else None
        if hit is not None:
            label = pick(next(c.label for c in start.choices if c.value == hit[0]), self.lang,
                         self.texts.default_language)
            self.understood = self.texts.say(
                "understood", self.lang, title=pick(flow.flow.title, self.lang,
                                                    self.texts.default_language), what=label)
            self.accept(flow, start, Answer(hit[0], branch=hit[0], display=label))
            return
        self.prompt()

    def turn(self) -> Turn:
        sender = self.inbound.address if self.inbound.channel == "sms" else None
        return Turn(
            text=self.inbound.text, folded=self.folded, media_count=len(self.inbound.media),
            channel=self.inbound.channel, sender=sender, lang=self.lang,
            now=self.now.astimezone(self.settings.city_tz), region=self.settings.region,
        )

    def answer(self) -> None:
        flow = self.flow()
        step = flow.step(self.conv["state"])
        result = read_answer(flow, step, self.turn(), self.texts)
        if isinstance(result, Miss):
            self.miss(flow, step, result)
        else:
            self.accept(flow, step, result)

    def miss(self, flow: CompiledFlow, step: Step, miss: Miss) -> None:
        data = self.conv["data"]
        data["misses"] = data.get("misses", 0) + 1
        self.event("answer_invalid", flow=flow.name, step=step.name, misses=data["misses"])
        text = self.texts.say(miss.message, self.lang, **miss.params)
        if data["misses"] >= MAX_MISSES:
            data["misses"] = 0
            self.replies.append(f"{text}\n{self.texts.say('too_many_misses', self.lang)}")
        elif step.choices:
            self.prompt(prefix=text)
        else:
            self.replies.append(text)

    def accept(self, flow: CompiledFlow, step: Step, answer: Answer) -> None:
        data = self.conv["data"]
        data["misses"] = 0
        self.event("step_answered", flow=flow.name, version=flow.version, step=step.name)
        if step.field:
            data["answers"][step.field] = answer.value
            data["shown"][step.field] = answer.display
        if step.type == "photo" and answer.value:
            self.say("photo_received", count=answer.value)
        choice = next((c for c in step.choices if c.value == answer.branch), None)
        if choice is not None and choice.goto:
            data["answers"][step.name] = choice.value
            self.hand_over(choice.goto)
            return
        if step.type == "confirm" and answer.branch == "edit":
            data["choosing_edit"] = True
            self.replies.append(edit_menu(flow, self.lang, self.texts))
            return
        if data.pop("editing", False) and flow.flow.confirm_step is not None:
            self.conv["state"] = flow.move(step.name, "review")
        else:
            dest = (choice.next if choice and choice.next else None) or _next_of(step, answer)
            data["history"].append(step.name)
            self.conv["state"] = flow.advance(step.name, dest)
        if flow.step(self.conv["state"]).type == "submit":
            self.submit(flow)
        else:
            self.prompt()

    def choose_edit(self) -> None:
        flow = self.flow()
        self.conv["data"].pop("choosing_edit", None)
        options = flow.editable
        pickd = self.folded.isdigit() and 1 <= int(self.folded) <= len(options)
        if not pickd:
            self.conv["data"]["choosing_edit"] = True
            self.replies.append(self.texts.say("expect_choice", self.lang, count=len(options)) +
                                "\n" + edit_menu(flow, self.lang, self.texts))
            return
        target = options[int(self.folded) - 1]
        self.conv["state"] = flow.move(self.conv["state"], f"edit_{target}")
        self.conv["data"]["editing"] = True
        self.event("edit", flow=flow.name, step=target)
        self.prompt()

    def submit(self, flow: CompiledFlow) -> None:
        data = self.conv["data"]
        answers = data["answers"]
        report_type = flow.flow.report_type
        subtype = answers.get("subtype")
        agency = self.registry.current_routing(self.conn).route(report_type, subtype)
        location = answers.get("location") or {}
        occurred = answers.get("occurred_at") or {}
        report_id, reference = file_report(self.conn, {
            "conversation_id": self.conv["id"], "contact_id": self.contact["id"],
            "type": report_type, "subtype": subtype, "agency": agency.key,
            "language": self.lang, "channel": self.inbound.channel,
            "location_text": location.get("text"), "location": location.get("normalized"),
            "occurred_at": datetime.fromisoformat(occurred["at"]) if occurred else None,
            "occurred_text": occurred.get("text"), "description": answers.get("description"),
            "contact_phone": answers.get("contact_phone"), "answers": answers,
            "routing": agency.snapshot(),
        }, self.now)
        seconds = (self.now - self.conv["started_at"]).total_seconds()
        self.event("report_submitted", flow=flow.name, version=flow.version, report_id=report_id,
                   reference=reference, type=report_type, subtype=subtype, agency=agency.key,
                   seconds=round(seconds, 1), channel=self.inbound.channel)
        self.replies.append(question(flow, flow.step(self.conv["state"]), self.lang, self.texts,
                                     reference=reference, agency=agency.display(self.lang)))
        self.close("submitted")

    # --- resume after idle or an escalation -----------------------------------------------

    def offer_resume(self) -> None:
        self.conv["data"]["resume_pending"] = True
        self.event("resume_offered", step=self.conv["state"])
        self.say("resume")

    def answer_resume(self) -> None:
        data = self.conv["data"]
        if self.folded in ("1",) or self.texts.is_word("yes", self.folded):
            data.pop("resume_pending", None)
            self.event("resumed", step=self.conv["state"])
            if data.get("choosing_edit"):
                self.replies.append(edit_menu(self.flow(), self.lang, self.texts))
            else:
                self.prompt()
        elif self.folded == "2" or self.texts.is_word("no", self.folded):
            self.close("abandoned")
            self.begin()
        else:
            self.say("resume")

    # --- global commands -----------------------------------------------------------------

    def cmd_help(self, _arg: str) -> None:
        self.event("command", name="help")
        self.say("help")
        if self.conv is not None and not self.conv["data"].get("resume_pending"):
            self.prompt()

    def cmd_menu(self, _arg: str) -> None:
        self.event("command", name="menu")
        self.close("abandoned")
        self.begin()

    def cmd_start(self, arg: str) -> None:
        self.cmd_menu(arg)

    def cmd_cancel(self, _arg: str) -> None:
        self.event("command", name="cancel")
        if self.conv is None:
            self.say("nothing_to_cancel")
            return
        self.close("cancelled")
        self.say("cancelled")

    def cmd_back(self, _arg: str) -> None:
        self.event("command", name="back")
        if self.conv is None:
            self.begin()
            return
        data = self.conv["data"]
        data.pop("choosing_edit", None)
        data.pop("resume_pending", None)
        if data["history"]:
            self.conv["state"] = data["history"].pop()
            self.prompt()
        elif self.conv["flow"] != INTAKE:
            intake = self.registry.live(self.conn, INTAKE)
            self.conv.update(flow=intake.name, flow_version=intake.version,
                             state=intake.flow.start)
            self.prompt()
        else:
            self.prompt(prefix=self.texts.say("no_going_back", self.lang))

    def cmd_stop(self, _arg: str) -> None:
        store.update_contact(self.conn, self.contact["id"], opted_out=True, opted_out_at=self.now)
        self.event("opted_out")
        self.say("stopped")

    def opt_in(self) -> None:
        store.update_contact(self.conn, self.contact["id"], opted_out=False)
        self.contact["opted_out"] = False
        self.event("opted_in")
        self.say("started")
        if self.conv is not None:
            self.offer_resume()
            self.save()

    def cmd_status(self, arg: str) -> None:
        self.event("command", name="status")
        reference = canonical(arg) if arg else None
        if arg and reference is None:
            self.say("status_not_found", reference=arg.upper()[:20])
            return
        found = report_for_contact(self.conn, reference, self.contact["id"])
        if found is None:
            if reference is None:
                self.say("status_usage")
            else:
                self.say("status_not_found", reference=reference)
            return
        names = self.texts.table("status_names", self.lang)
        agency_name = found["routing"].get("name", {})
        self.say("status_found", reference=found["reference"], type=found["type"],
                 date=found["created_at"].astimezone(self.settings.city_tz).strftime("%b %d"),
                 status=names.get(found["status"], found["status"]),
                 agency=pick(agency_name, self.lang, self.texts.default_language)
                 if agency_name else found["agency"])

    def set_language(self, lang: str) -> None:
        self.change_language(lang)
        self.say("language_set")
        if self.conv is None:
            self.begin()
        elif self.conv["data"].get("resume_pending"):
            self.say("resume")
        else:
            self.prompt()

    def change_language(self, lang: str) -> None:
        store.update_contact(self.conn, self.contact["id"], language=lang)
        self.contact["language"] = self.lang = lang
        self.event("language_changed", language=lang)


def _next_of(step: Step, answer: Answer) -> str:
    if isinstance(step.next, dict):
        return step.next[answer.branch]
    return step.next
