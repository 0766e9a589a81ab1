"""The quiz driven with Pilot on the real app: setup, a-d and typed answers, results, stored score."""

from __future__ import annotations

from textual.widgets import Input, Markdown, OptionList, Static

from dlprep.commands.quiz import make_app
from dlprep.quiz import QuizService
from dlprep.tui.app import DlprepApp
from dlprep.tui.screens.dashboard import DashboardScreen
from dlprep.tui.screens.quiz import QuizResultsScreen, QuizScreen, QuizSetupScreen

from .test_quiz_service import RIGHT_MC, RIGHT_TYPED

KEY_NAMES = {" ": "space", ".": "full_stop"}


async def type_text(pilot, text: str) -> None:
    await pilot.press(*(KEY_NAMES.get(ch, ch) for ch in text))


async def answer(pilot, screen: QuizScreen, right: bool) -> str:
    """Answer the current question right or wrong through the keyboard; returns its card id."""
    question = screen.run.current
    if question.kind == "mc":
        index = RIGHT_MC[question.card_id] if right else (RIGHT_MC[question.card_id] + 1) % len(question.options)
        await pilot.press("abcd"[index])
    else:
        await type_text(pilot, RIGHT_TYPED[question.card_id] if right else "zzz")
        await pilot.press("enter")
    await pilot.pause()
    return question.card_id


async def test_a_whole_quiz_from_the_dashboard(services) -> None:
    app = DlprepApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("t")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        decks = setup.query_one("#quiz-decks", OptionList)
        labels = [str(decks.get_option_at_index(i).prompt) for i in range(decks.option_count)]
        # Normalization has five askable cards, two of them clozes of one note: a quiz asks at most four.
        assert labels == ["All decks (5 questions)", "Normalization (4)", "Optimizers (1)"]
        await pilot.press("down", "tab")
        setup.query_one("#quiz-n", Input).value = ""
        await pilot.press("4", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert len(screen.run.questions) == 4
        assert {q.deck for q in screen.run.questions} == {"Normalization"}
        assert "Question 1/4" in str(screen.query_one("#quiz-meta", Static).render())
        bar = screen.query_one("#quiz-bar", Static)
        assert bar.region.bottom <= 23  # above the footer at 80x24

        missed = set()
        for k in range(4):
            right = k in (0, 3)
            card_id = await answer(pilot, screen, right)
            if not right:
                missed.add(card_id)
            feedback = screen.query_one("#quiz-feedback", Markdown)
            assert feedback.display
            assert ("Correct" in feedback.source) == right
            if not right:
                assert "Not quite" in feedback.source
            await pilot.press("enter")
            await pilot.pause()

        results = app.screen
        assert isinstance(results, QuizResultsScreen)
        summary = results.query_one("#quiz-summary", Markdown).source
        assert "Score: 2/4 (50%)" in summary
        assert "Missed (2)" in summary
        session = services.store.query("SELECT questions, correct, finished_at FROM quiz_sessions")
        assert len(session) == 1 and session[0]["questions"] == 4 and session[0]["correct"] == 2
        assert session[0]["finished_at"] is not None
        failed = services.store.query("SELECT card_id, rating, source FROM reviews ORDER BY card_id")
        assert failed == [{"card_id": c, "rating": 1, "source": "quiz"} for c in sorted(missed)]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_dlprep_quiz_opens_on_the_quiz_and_escape_ends_it_early(services, quiz: QuizService) -> None:
    run = quiz.start("Optimizers", 1)
    app = make_app(services, run)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert "Adam keeps running averages" in app.screen.query_one("#quiz-question", Markdown).source
        await pilot.press("b")
        await pilot.pause()
        feedback = app.screen.query_one("#quiz-feedback", Markdown).source
        assert "The answer: The gradient and the squared gradient" in feedback
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizResultsScreen)
        summary = app.screen.query_one("#quiz-summary", Markdown).source
        assert "Score: 0/1 (0%)" in summary
        assert "you answered: b) The weights and the learning rate" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code == 0  # the app ends: back to the shell that ran `dlprep quiz`
        assert not any(isinstance(s, DashboardScreen) for s in app.screen_stack)
        assert services.store.query("SELECT card_id, rating, source FROM reviews") == [
            {"card_id": "q-adam", "rating": 1, "source": "quiz"}
        ]


async def test_setup_rejects_a_zero_length_quiz(services) -> None:
    app = DlprepApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        setup = app.screen
        setup.query_one("#quiz-n", Input).value = "0"
        setup.query_one("#quiz-n", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is setup
        assert services.store.query("SELECT COUNT(*) AS n FROM quiz_sessions")[0]["n"] == 0


def test_the_count_on_the_picker_is_what_a_quiz_asks(quiz: QuizService) -> None:
    for deck, shown in quiz.deck_choices():
        assert len(quiz.start(deck, 50).questions) == shown
