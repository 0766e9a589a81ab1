"""``dlprep doctor``: which sandbox layers are active here, why any is missing, and whether they hold."""

from __future__ import annotations

import argparse
import json

NAME = "doctor"
HELP = "show which sandbox isolation layers are active and why any is missing"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")


def run(args: argparse.Namespace) -> int:
    from dlprep.grading.probe import ALL_LAYERS, probe_sandbox

    report = probe_sandbox()
    if args.json:
        print(json.dumps(report.__dict__))
        return 0 if report.error is None else 1
    print(f"Sandbox on {report.platform} (Landlock ABI {report.landlock_abi or 'unavailable'})")
    print("Isolation layers:")
    for layer in ALL_LAYERS:
        if layer in report.active:
            print(f"  {layer:16} active")
        else:
            print(f"  {layer:16} MISSING: {report.missing.get(layer, 'unknown reason')}")
    extra = {k: v for k, v in report.missing.items() if k not in ALL_LAYERS and k != "namespaces"}
    for name, reason in extra.items():
        print(f"  {name:16} note: {reason}")
    print("Checks run inside the sandbox:")
    for label, ok in report.checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {label}")
    if report.error:
        print(f"The probe failed: {report.error}")
        return 1
    reduced = [layer for layer in ALL_LAYERS if layer not in report.active]
    if reduced:
        print(f"Grading works with reduced isolation (missing: {', '.join(reduced)}).")
    else:
        print("All layers are active.")
    return 0
