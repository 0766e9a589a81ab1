"""The trusted compute process: a warm helper that imports numpy and torch on demand, so the app never does.

It computes reference outputs (and diagnoses known mistakes) for the grader and never runs learner code;
other kinds of request (e.g. sentence embeddings for typed answers) plug into the same dispatch table in
:mod:`dlprep.compute.server`. The app talks to it through :class:`~dlprep.compute.client.ComputeClient`
over two pipes with the framing of :mod:`dlprep.grading.wire` (size-capped; any malformed bytes end in an
error value, never in an exception that escapes).
"""
