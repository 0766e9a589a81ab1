"""The app's screens: dashboard, review, help (and the screens other features add)."""
