"""intern-match: which research internships a PhD or Masters student fits, and why."""

__version__ = "0.2.0"
