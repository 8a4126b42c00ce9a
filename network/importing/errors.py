"""The one error that stops an import before any row is looked at."""


class ImportFileError(Exception):
    """The file itself cannot be imported; the message is one Dutch sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
