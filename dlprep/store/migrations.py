"""Ordered schema migrations. Append new ones; never edit one that has shipped.

Each migration is a list of SQL statements run in one transaction together with the version bump.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    # 1: cards, the review log, settings.
    [
        """CREATE TABLE cards (
            id TEXT PRIMARY KEY,
            deck TEXT NOT NULL,
            section TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            note_id TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'builtin',
            fsrs TEXT,
            state INTEGER NOT NULL DEFAULT 0,
            due TEXT,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until TEXT,
            tags TEXT NOT NULL DEFAULT '',
            retired INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX cards_deck ON cards(deck)",
        "CREATE INDEX cards_due ON cards(due)",
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            card_id TEXT NOT NULL,
            rating INTEGER NOT NULL,
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'review'
        )""",
        "CREATE INDEX reviews_card ON reviews(card_id)",
        "CREATE INDEX reviews_time ON reviews(reviewed_at)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    # 2: drill attempts, hints, quizzes.
    [
        """CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            drill_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            code TEXT NOT NULL,
            status TEXT NOT NULL,
            passed INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            hints_used INTEGER NOT NULL DEFAULT 0,
            duration_ms INTEGER,
            result TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX attempts_drill ON attempts(drill_id)",
        """CREATE TABLE hints_shown (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            drill_id TEXT NOT NULL,
            hint_index INTEGER NOT NULL,
            shown_at TEXT NOT NULL
        )""",
        """CREATE TABLE quiz_sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            deck TEXT,
            questions INTEGER NOT NULL DEFAULT 0,
            correct INTEGER NOT NULL DEFAULT 0,
            duration_ms INTEGER
        )""",
        """CREATE TABLE quiz_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES quiz_sessions(id),
            card_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            correct INTEGER NOT NULL,
            answered_at TEXT NOT NULL
        )""",
    ],
    # 3: indexes that keep the hot paths independent of the collection's size (100k cards, 1M reviews).
    # SQLite uses a partial index only when the query repeats its WHERE condition: the queries in
    # dlprep.srs.queue and dlprep.reports.stats do.
    [
        # The next learning/review card (ORDER BY due LIMIT n), for all decks and for one deck.
        # kind and buried_until ride along so that their filters are tested in the index, before the row;
        # with deck too, the dashboard counts the cards due (and the new ones) per deck from this index alone.
        "CREATE INDEX cards_queue ON cards(state, due, created_at, kind, buried_until, deck) "
        "WHERE retired = 0 AND suspended = 0",
        "CREATE INDEX cards_deck_queue ON cards(deck, state, due, created_at, kind, buried_until) "
        "WHERE retired = 0 AND suspended = 0",
        # The next new card (ORDER BY created_at, rowid LIMIT n).
        "CREATE INDEX cards_new ON cards(state, created_at) WHERE retired = 0 AND suspended = 0",
        "CREATE INDEX cards_deck_new ON cards(deck, state, created_at) WHERE retired = 0 AND suspended = 0",
        # Per-deck counts for the dashboard, read from the index alone.
        "CREATE INDEX cards_counts ON cards(deck, section, kind, suspended, state, due, buried_until) "
        "WHERE retired = 0",
        # Cloze siblings, and the (few) cards that carry tags such as leech.
        "CREATE INDEX cards_note ON cards(note_id)",
        "CREATE INDEX cards_tagged ON cards(deck) WHERE retired = 0 AND tags != ''",
        # The state a rating was given in, computed once when the review is written (true retention).
        "ALTER TABLE reviews ADD COLUMN before_state INTEGER GENERATED ALWAYS AS "
        "(CASE WHEN json_valid(before) THEN json_extract(before, '$.state') END) VIRTUAL",
        "CREATE INDEX reviews_retention ON reviews(before_state, card_id, rating, reviewed_at)",
        # Per-day counts and time spent, read from the index alone; it replaces reviews_time.
        "CREATE INDEX reviews_day ON reviews(reviewed_at, duration_ms, source)",
        "DROP INDEX reviews_time",
    ],
    # 4: typed answers to explain cards, kept with the review they led to.
    [
        """CREATE TABLE typed_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            review_id INTEGER NOT NULL,
            card_id TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            answer TEXT NOT NULL,
            scores TEXT NOT NULL DEFAULT '[]',
            suggested TEXT NOT NULL DEFAULT '[]',
            marks TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX typed_answers_review ON typed_answers(review_id)",
        "CREATE INDEX typed_answers_card ON typed_answers(card_id)",
        # Undoing a rating deletes its review row; its typed answer goes with it.
        """CREATE TRIGGER typed_answers_follow_review AFTER DELETE ON reviews
           BEGIN DELETE FROM typed_answers WHERE review_id = old.id; END""",
    ],
    # 5: mock interviews and their questions.
    [
        """CREATE TABLE mock_sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            minutes REAL NOT NULL,
            seed INTEGER,
            sections TEXT NOT NULL DEFAULT '[]',
            score REAL,
            report TEXT
        )""",
        """CREATE TABLE mock_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL,
            part TEXT NOT NULL,
            ref TEXT NOT NULL,
            kind TEXT NOT NULL,
            answer TEXT,
            correct INTEGER NOT NULL DEFAULT 0,
            score REAL NOT NULL DEFAULT 0,
            duration_ms INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX mock_items_session ON mock_items(session_id)",
    ],
    # 6: the seed (and the typed answer) of each review of a [gen] card, so the review can be shown again.
    [
        """CREATE TABLE gen_reviews (
            review_id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL,
            generator TEXT NOT NULL,
            seed INTEGER NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            correct INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX gen_reviews_card ON gen_reviews(card_id)",
        # Undoing a rating deletes its review row; its seed goes with it.
        """CREATE TRIGGER gen_reviews_follow_review AFTER DELETE ON reviews
           BEGIN DELETE FROM gen_reviews WHERE review_id = old.id; END""",
    ],
    # 7: each card's place in its deck (1, 2, ... in the deck file's order; the deck sync keeps it), so that
    # the next new cards, the decks taking turns, are the first entries of one index. Existing cards are
    # numbered in the order they were added, which is the order their decks listed them.
    [
        "ALTER TABLE cards ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
        """WITH ranked AS (SELECT rowid AS r, ROW_NUMBER() OVER (PARTITION BY deck ORDER BY created_at, rowid) AS n
                          FROM cards)
           UPDATE cards SET position = ranked.n FROM ranked WHERE ranked.r = cards.rowid""",
        "CREATE INDEX cards_new_turn ON cards(position, created_at, kind, buried_until, deck) "
        "WHERE retired = 0 AND suspended = 0 AND state = 0",
    ],
]
