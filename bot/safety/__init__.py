"""The safety check: does a resident's message need 911 (emergency) or 988 (crisis)?

    from bot.safety import assess
    assess("a stranger is forcing my front door open right now").level   # "emergency"

Pure Python: no database, network, Flask or Twilio. The cues are data in config/safety/,
compiled once at first use (or at start-up with load_cues()/configure()).
"""

from bot.safety.assessment import CRISIS, EMERGENCY, NONE, Assessment, assess
from bot.safety.cues import CueSet, configure, load_cues
from bot.safety.validation import CueError

__all__ = [
    "CRISIS",
    "EMERGENCY",
    "NONE",
    "Assessment",
    "CueError",
    "CueSet",
    "assess",
    "configure",
    "load_cues",
]
