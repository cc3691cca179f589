"""Channels: thin adapters that hand resident messages to the conversation engine."""
