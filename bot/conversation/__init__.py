"""The conversation core: flows as data, compiled state machines, and the engine.

Nothing here imports Flask or twilio: channels are adapters around it.
"""
