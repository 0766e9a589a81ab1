"""Every built-in generator against an independent oracle, over many seeds.

The oracle reads the numbers from the question text itself (so the question must state everything the
answer depends on) and computes the answer another way: PyTorch modules built on the meta device for
shapes and parameter counts, torch's FLOP counter for FLOPs, tensor sizes for memory, autograd for
receptive fields, ``torch.softmax`` for softmax.
"""

from __future__ import annotations

import math
import re

import pytest

from dlprep.content import load_decks
from dlprep.content.gen import GenQuestion, draw, grade

torch = pytest.importorskip("torch")
nn = torch.nn
SEEDS = range(150)


def builtin_gen_cards() -> dict[str, object]:
    decks, issues = load_decks()
    assert not issues
    return {card.generator: card for deck in decks for card in deck.cards if card.kind == "gen"}


CARDS = builtin_gen_cards()


def questions(name: str) -> list[GenQuestion]:
    return [draw(CARDS[name], seed) for seed in SEEDS]


def torch_call(text: str, pattern: str = r"`(nn\.\w+\(.*?\))`"):
    """Build the module the question names (``nn.Conv2d(...)``) on the meta device."""
    code = re.search(pattern, text).group(1)
    with torch.device("meta"):
        return eval(code, {"nn": nn, "in_features": _in_features(text)})  # noqa: S307 - our own question text


def _in_features(text: str) -> int:
    match = re.search(r"shape \((\d+), (\d+), (\d+)\) per example", text)
    return math.prod(int(v) for v in match.groups()) if match else 0


def input_shape(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.search(r"input of shape \(([\d, ]+)\)", text).group(1).split(","))


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


def flops(fn) -> int:
    from torch.utils.flop_counter import FlopCounterMode

    with torch.device("meta"), FlopCounterMode(display=False) as counter:
        fn()
    return counter.get_total_flops()


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9)


def test_there_are_at_least_ten_generators_one_card_each() -> None:
    assert len(CARDS) >= 10
    assert all(card.question for card in CARDS.values())  # a title for the browser and `dlprep cards`


def test_conv_output_shape_matches_torch() -> None:
    for q in questions("conv_output_shape"):
        out = torch_call(q.question)(torch.empty(input_shape(q.question), device="meta"))
        assert q.answer == tuple(out.shape), q.question


def test_conv_transpose_output_shape_matches_torch() -> None:
    for q in questions("conv_transpose_output_shape"):
        out = torch_call(q.question)(torch.empty(input_shape(q.question), device="meta"))
        assert q.answer == tuple(out.shape), q.question


def test_pool_output_shape_matches_torch() -> None:
    ceil_seen = dropped = 0
    for q in questions("pool_output_shape"):
        out = torch_call(q.question)(torch.empty(input_shape(q.question), device="meta"))
        assert q.answer == tuple(out.shape), q.question
        ceil_seen += "ceil_mode=True" in q.question
        dropped += "dropped" in q.solution
    assert ceil_seen and dropped  # the ceil_mode rule, including a dropped last window, is exercised


def test_conv_param_count_matches_torch() -> None:
    for q in questions("conv_param_count"):
        assert q.answer == n_params(torch_call(q.question)), q.question


def test_depthwise_separable_params_match_torch() -> None:
    for q in questions("depthwise_separable_params"):
        depthwise = torch_call(q.question)
        match = re.search(r"pointwise 1×1 conv from (\d+) to (\d+) channels, (both with bias|neither)", q.question)
        mid, c_out, bias = int(match.group(1)), int(match.group(2)), match.group(3) == "both with bias"
        assert depthwise.out_channels == mid and (depthwise.bias is not None) == bias
        with torch.device("meta"):
            pointwise = nn.Conv2d(mid, c_out, 1, bias=bias)
        assert q.answer == n_params(depthwise) + n_params(pointwise), q.question


def test_receptive_field_matches_autograd() -> None:
    for q in questions("receptive_field"):
        layers = []
        for kind, k, s, d in re.findall(r"\d+\. (conv|max pool) (\d+)×\d+, stride (\d+)(?:, dilation (\d+))?",
                                         q.question):
            k, s, d = int(k), int(s), int(d or 1)
            if kind == "conv":
                conv = nn.Conv1d(1, 1, k, stride=s, dilation=d, bias=False)
                nn.init.ones_(conv.weight)
                layers.append(conv)
            else:  # average pooling has the max pool's window and spreads gradient over all of it
                layers.append(nn.AvgPool1d(k, stride=s))
        assert layers, q.question
        x = torch.zeros(1, 1, 1200, dtype=torch.float64, requires_grad=True)
        y = nn.Sequential(*layers).double()(x)
        y[0, 0, y.shape[-1] // 2].backward()
        touched = torch.nonzero(x.grad[0, 0]).flatten()
        assert q.answer == int(touched.max() - touched.min() + 1), q.question


def test_rnn_param_count_matches_torch() -> None:
    kinds = set()
    for q in questions("rnn_param_count"):
        module = torch_call(q.question)
        kinds.add(type(module).__name__)
        assert q.answer == n_params(module), q.question
    assert kinds == {"LSTM", "GRU"}


def test_mha_param_count_matches_torch() -> None:
    for q in questions("mha_param_count"):
        assert q.answer == n_params(torch_call(q.question)), q.question


def test_linear_param_count_matches_torch() -> None:
    for q in questions("linear_param_count"):
        assert q.answer == n_params(torch_call(q.question)), q.question


def test_kv_cache_memory_matches_tensor_sizes() -> None:
    dtypes = {"fp16": torch.float16, "bf16": torch.bfloat16, "fp8": torch.float8_e4m3fn, "fp32": torch.float32}
    for q in questions("kv_cache_memory"):
        text = q.question
        layers, d_model, heads = map(int, re.search(r"(\d+) layers, d_model = (\d+) and (\d+) query", text).groups())
        if "multi-query" in text:
            kv = 1
        elif "multi-head attention" in text:
            kv = heads
        else:
            kv = int(re.search(r"with (\d+) K/V heads", text).group(1))
        dtype = dtypes[re.search(r"stored in (\w+)\.", text).group(1)]
        batch = int(re.search(r"batch of (\d+) sequence", text).group(1))
        tokens = int(re.search(r"of ([\d,]+) tokens", text).group(1).replace(",", ""))
        cache = [torch.empty(batch, kv, tokens, d_model // heads, dtype=dtype, device="meta")
                 for _ in range(2 * layers)]  # K and V for every layer
        nbytes = sum(t.numel() * t.element_size() for t in cache)
        assert close(q.answer, nbytes / 2**30), text


def test_attention_flops_match_the_flop_counter() -> None:
    variants = set()
    for q in questions("attention_flops"):
        text = q.question
        batch, seq, d, h = (int(v.replace(",", "")) for v in re.search(
            r"batch (\d+), sequence length ([\d,]+), d_model = (\d+) and (\d+) heads", text).groups())
        with_proj = "the whole layer" in text

        def layer(batch=batch, seq=seq, d=d, h=h, with_proj=with_proj) -> None:
            x = torch.empty(batch, seq, d)
            if with_proj:
                q_, k_, v_ = (nn.Linear(d, d, bias=False)(x) for _ in range(3))
            else:
                q_ = k_ = v_ = x
            split = [t.view(batch, seq, h, d // h).transpose(1, 2) for t in (q_, k_, v_)]
            out = (split[0] @ split[1].transpose(-2, -1)).softmax(-1) @ split[2]
            if with_proj:
                nn.Linear(d, d, bias=False)(out.transpose(1, 2).reshape(batch, seq, d))

        assert close(q.answer, flops(layer)), text
        variants.add(with_proj)
    assert variants == {True, False}


def test_matmul_flops_match_the_flop_counter() -> None:
    for q in questions("matmul_flops"):
        m, k, _, n = (int(v) for v in re.search(r"\((\d+) × (\d+)\)[^(]*\((\d+) × (\d+)\)", q.question).groups())
        batch = re.search(r"batch of (\d+) products", q.question)
        if batch:
            b = int(batch.group(1))
            counted = flops(lambda: torch.bmm(torch.empty(b, m, k), torch.empty(b, k, n)))  # noqa: B023
        else:
            counted = flops(lambda: torch.mm(torch.empty(m, k), torch.empty(k, n)))  # noqa: B023
        assert close(q.answer, counted), q.question


def test_adam_state_memory_matches_torch_adam() -> None:
    model = nn.Linear(64, 32)
    optimizer = torch.optim.Adam(model.parameters())
    model(torch.randn(4, 64)).sum().backward()
    optimizer.step()
    count = n_params(model)
    moments = sum(v.numel() * v.element_size() for state in optimizer.state.values()
                  for key, v in state.items() if key != "step")
    per_param = moments / count  # bytes of Adam state per parameter, as torch keeps it (fp32 moments)
    master = torch.empty(1, dtype=torch.float32).element_size()
    for q in questions("adam_state_memory"):
        text = q.question
        params = int(re.search(r"\(([\d,]+)\)", text).group(1).replace(",", ""))
        gpus = int(re.search(r"over (\d+) GPUs", text).group(1)) if "sharded" in text else 1
        total = params * (per_param + (master if "master copy" in text else 0)) / gpus
        assert close(q.answer, total / 2**30), text


def test_softmax_probability_matches_torch() -> None:
    for q in questions("softmax_probability"):
        vector = [float(v) for v in re.search(r"z = \[([^\]]+)\]", q.question).group(1).split(",")]
        index = int(re.search(r"softmax\(z\)\[(\d+)\]", q.question).group(1))
        expected = torch.softmax(torch.tensor(vector, dtype=torch.float64), 0)[index].item()
        assert close(q.answer, expected), q.question
        assert grade(f"{expected:.2g}", q).correct  # the precision the question asks for is accepted


@pytest.mark.parametrize("name", sorted(CARDS))
def test_each_generator_is_repeatable_and_graded_both_ways(name: str) -> None:
    for seed in range(40):
        q = draw(CARDS[name], seed)
        assert q == draw(CARDS[name], seed)  # the same seed shows the same review
        assert grade(q.answer_text(), q).correct, (q.question, q.answer_text())
        if q.is_shape:
            wrong = "(" + ", ".join(str(v + (i == len(q.answer) - 1)) for i, v in enumerate(q.answer)) + ")"
        else:
            wrong = repr(float(q.answer) * (1 + 3 * max(q.tolerance, 0.01)) + 1)
        assert not grade(wrong, q).correct, (q.question, wrong)
    assert len({draw(CARDS[name], seed).question for seed in range(40)}) > 10  # fresh numbers
