"""Turn a step into the words a resident reads: question, numbered choices, summary."""

from __future__ import annotations

from bot.conversation.compiler import CompiledFlow
from bot.conversation.flow import Step
from bot.conversation.sms_length import clip
from bot.conversation.texts import SystemTexts


def pick(texts: dict[str, str], lang: str, default: str) -> str:
    return texts.get(lang) or texts.get(default) or next(iter(texts.values()))


def question(flow: CompiledFlow, step: Step, lang: str, system: SystemTexts, **params) -> str:
    """The step's question in lang, with its choices numbered and its footer."""
    default = system.default_language
    parts = [pick(step.prompt, lang, default)]
    if params:
        parts[0] = parts[0].format(**params)
    if step.choices:
        parts.append("\n".join(f"{i} {pick(c.label, lang, default)}"
                               for i, c in enumerate(step.choices, 1)))
    if step.footer:
        parts.append(pick(step.footer, lang, default))
    return clip("\n".join(parts))


def summary(flow: CompiledFlow, data: dict, lang: str, system: SystemTexts) -> str:
    """One line per answer, labelled, for the confirm step."""
    labels = system.table("summary_labels", lang)
    shown = data.get("shown", {})
    default = system.default_language
    lines = [system.say("summary_field", lang, label=labels.get("type", "type"),
                        value=pick(flow.flow.title, lang, default))]
    for name in flow.editable:
        field = flow.step(name).field
        value = shown.get(field)
        if value is None and field == "contact_phone":
            value = system.say("no_contact", lang)
        if value is not None:
            lines.append(system.say("summary_field", lang, label=labels.get(field, field),
                                    value=value))
    return "; ".join(lines)


def edit_menu(flow: CompiledFlow, lang: str, system: SystemTexts) -> str:
    labels = system.table("summary_labels", lang)
    options = "\n".join(f"{i} {labels.get(flow.step(n).field, n)}"
                        for i, n in enumerate(flow.editable, 1))
    return f"{system.say('edit_which', lang)}\n{options}"
