"""The Textual front end. Screens ask services for data; nothing here runs SQL or imports torch."""
