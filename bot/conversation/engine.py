"""The engine: one inbound message in, the replies out, in one short transaction.

Order of work: the safety check (pure, before any I/O, so it answers even with the
database down), then the contact lock, the stored inbound message, the dialogue or the
escalation, and the stored replies; queued alerts are dispatched after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine as Database
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from bot import escalation
from bot.conversation.dialogue import Dialogue, Inbound, Settings
from bot.conversation.registry import FlowRegistry
from bot.masking import mask_address
from bot.storage import conversations as store
from bot.storage.db import write_transaction
from bot.storage.prepared import batched
from bot.storage.timestamps import utcnow

log = logging.getLogger(__name__)
SAFETY_CHARS = 5000  # the signal may sit at the end of a long message


@dataclass
class Outcome:
    replies: list[str]
    duplicate: bool = False
    escalation: str | None = None
    queued: list[int] = field(default_factory=list)


class Engine:
    """Works one resident message at a time; safe to share across threads."""

    def __init__(self, db: Database, registry: FlowRegistry, config: dict,
                 queue: escalation.Queue, dispatch: Callable[[list[int]], None],
                 assess: Callable | None = None, clock: Callable = utcnow):
        if assess is None:
            from bot.safety import assess
        self.db = db
        self.registry = registry
        self.texts = registry.texts
        self.assess = assess
        self.queue = queue
        self.dispatch = dispatch
        self.clock = clock
        self.max_chars = int(config["MAX_INBOUND_CHARS"])
        self.text_911 = bool(config.get("TEXT_TO_911"))
        self.oncall = escalation.Oncall.from_config(config)
        self.settings = Settings(
            idle=timedelta(hours=float(config["IDLE_RESUME_HOURS"])),
            region=config["DEFAULT_REGION"],
            city_tz=ZoneInfo(config["CITY_TIMEZONE"]),
        )

    def handle(self, inbound: Inbound) -> Outcome:
        """The replies to send back for one inbound message."""
        assessment = self.assess(inbound.text[:SAFETY_CHARS])
        level = assessment.level if assessment.level != "none" else None
        bounded = (inbound if len(inbound.text) <= self.max_chars
                   else replace(inbound, text=inbound.text[: self.max_chars]))
        try:
            outcome = self._handle_retrying_dropped(bounded, assessment)
        except SQLAlchemyError:
            log.exception("could not handle a message from %s", mask_address(inbound.address))
            lang = self.texts.default_language
            if level:
                replies = [self.escalation_reply(level, lg)
                           for lg in self.reply_languages(lang, assessment)]
                return Outcome(replies, escalation=level)
            return Outcome([self.texts.say("temporary_error", lang)])
        if outcome.queued:
            self.dispatch(outcome.queued)
        return outcome

    def _handle_retrying_dropped(self, inbound: Inbound, assessment) -> Outcome:
        """_handle, once more when the pooled connection was found dead (a database restart,
        an idle connection cut by a proxy). The failed attempt's transaction never committed,
        and the pool has thrown its connections away, so the second attempt starts clean.
        Cheaper than checking every connection with a round trip before each turn."""
        try:
            return self._handle(inbound, assessment)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            log.warning("database connection dropped; retrying a message from %s",
                        mask_address(inbound.address))
            return self._handle(inbound, assessment)

    def reply_languages(self, lang: str, assessment) -> list[str]:
        """The resident's language, then the language the danger was written in when it
        differs: someone who wrote in Somali is told in Somali too."""
        langs = [lang]
        for signal in assessment.signals:
            written = signal.split(".", 1)[0]
            if written in self.texts.languages and written not in langs:
                langs.append(written)
                break
        return langs

    def escalation_reply(self, level: str, lang: str) -> str:
        if level == "crisis":
            return self.texts.say("escalation_crisis", lang)
        extra = self.texts.say("text_911", lang) if self.text_911 else ""
        return self.texts.say("escalation_emergency", lang, text_911=extra)

    def _handle(self, inbound: Inbound, assessment) -> Outcome:
        with write_transaction(self.db) as conn:
            now = self.clock()
            contact, conv = store.lock_contact_with_conversation(conn, inbound.channel,
                                                                 inbound.address, now)
            # Filed under the current conversation now, moved only if the turn changes it.
            filed_under = contact["conversation_id"]
            message_id = store.record_inbound(conn, contact["id"], inbound.channel, inbound.text,
                                              inbound.provider_id, now,
                                              conversation_id=filed_under)
            if message_id is None:
                replies = store.earlier_replies(conn, inbound.channel, inbound.provider_id)
                return Outcome(replies, duplicate=True)
            dialogue = Dialogue(self.registry, self.settings, conn, contact, inbound, message_id,
                                now, conv=conv)
            outcome = Outcome(dialogue.replies)
            if assessment.level != "none":
                outcome.escalation = assessment.level
                outcome.queued = self._escalate(dialogue, assessment)
            else:
                if assessment.overruled:  # in the event log, to audit and to count
                    dialogue.event("escalation_overruled", signals=list(assessment.signals),
                                   step=conv["state"] if conv else None,
                                   message_id=message_id)
                dialogue.run()
            conv_id = dialogue.conv["id"] if dialogue.conv else contact["conversation_id"]
            store.record_attachments(conn, conv_id, message_id, list(inbound.media), now)
            with batched(conn):  # nothing below is read back: one round trip on PostgreSQL
                dialogue.flush()
                if conv_id != filed_under:
                    store.set_message_conversation(conn, message_id, conv_id)
                store.record_replies(conn, message_id, contact["id"], conv_id,
                                     inbound.channel, inbound.address, dialogue.replies, now)
                store.record_events(conn, dialogue.events)
        return outcome

    def _escalate(self, dialogue: Dialogue, assessment) -> list[int]:
        conv = dialogue.conv
        answers = conv["data"].get("answers", {}) if conv else {}
        alert = escalation.Alert(
            level=assessment.level, signals=tuple(assessment.signals),
            body=dialogue.inbound.text, resident=dialogue.inbound.address,
            channel=dialogue.inbound.channel, language=dialogue.lang,
            contact_id=dialogue.contact["id"], conversation_id=conv["id"] if conv else None,
            message_id=dialogue.message_id, step=conv["state"] if conv else None,
            location=(answers.get("location") or {}).get("normalized"),
            contact_phone=answers.get("contact_phone"),
        )
        escalation_id, queued = escalation.record(dialogue.conn, alert, dialogue.now,
                                                  self.oncall, self.queue)
        dialogue.event("escalated", level=assessment.level, signals=list(assessment.signals),
                       escalation_id=escalation_id, step=alert.step)
        for lang in self.reply_languages(dialogue.lang, assessment):
            dialogue.replies.append(self.escalation_reply(assessment.level, lang))
        if conv is not None:
            conv["data"]["resume_pending"] = True  # paused: the next message offers to go on
            dialogue.save()
        return queued
