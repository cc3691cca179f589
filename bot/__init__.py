"""A chat-and-SMS bot residents use to file theft, damage and parking reports."""


def create_app(overrides=None):
    """The Flask app; see bot.app.create_app."""
    from bot.app import create_app as _create_app

    return _create_app(overrides)
