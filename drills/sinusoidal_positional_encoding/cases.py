"""Input cases for the sinusoidal_positional_encoding drill: edge cases first, then larger."""


def cases() -> list[dict]:
    return [
        {"name": "one position, d_model 2", "args": [1, 2], "kwargs": {}},
        {"name": "3 positions, d_model 2", "args": [3, 2], "kwargs": {}},
        {"name": "4 positions, d_model 4", "args": [4, 4], "kwargs": {}},
        {"name": "odd d_model 5", "args": [6, 5], "kwargs": {}},
        {"name": "10 positions, d_model 16", "args": [10, 16], "kwargs": {}},
        {"name": "128 positions, d_model 64", "args": [128, 64], "kwargs": {}},
        {"name": "larger 1024 positions, d_model 128", "args": [1024, 128], "kwargs": {}},
    ]
