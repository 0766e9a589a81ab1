"""dlprep: deep-learning interview preparation in the terminal."""
