"""Web views of the kernteam's interface: thin, reading through selectors and writing through services."""
