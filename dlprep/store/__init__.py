"""The progress database: schema, migrations and queries over one SQLite file (sqlite-utils).

Services use :class:`Store`; nothing above the services touches SQL.
"""

from dlprep.store.db import SCHEMA_VERSION, Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]
