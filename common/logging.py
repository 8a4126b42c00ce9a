"""Log filters: personal links never reach a log line.

Django itself logs the path of every 4xx/5xx answer ("Not Found: /controle/…/", CSRF failures); a token in that
path would be a working link to someone's personal page in the log files. The filter on every handler replaces
the token part of such paths, wherever it appears in the message or its arguments.
"""

import logging
import re

TOKEN_PATH = re.compile(r"(/controle/)[^/\s\"'?]+")
HIDDEN = r"\1[verborgen]"


def _redact(value):
    if isinstance(value, str):
        return TOKEN_PATH.sub(HIDDEN, value)
    return value


class RedactPersonalLinks(logging.Filter):
    """Replaces the token of `/controle/<token>/` paths in a record's message and arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _redact(value) for key, value in record.args.items()}
        return True


def redact_personal_links(logging_config: dict) -> dict:
    """The logging config with RedactPersonalLinks on every handler (settings call this on their LOGGING)."""
    logging_config.setdefault("filters", {})["redact_personal_links"] = {"()": RedactPersonalLinks}
    for handler in logging_config.get("handlers", {}).values():
        handler.setdefault("filters", []).append("redact_personal_links")
    return logging_config
