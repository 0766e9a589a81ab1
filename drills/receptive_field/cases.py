"""Cases for receptive_field: empty and single layers first, then strides, dilations, a deep network."""


def _case(name, kernels, strides, dilations=None):
    kwargs = {} if dilations is None else {"dilations": dilations}
    return {"name": name, "args": [kernels, strides], "kwargs": kwargs}


def cases() -> list[dict]:
    return [
        _case("no layers", [], []),
        _case("one 3x3 conv", [3], [1]),
        _case("two 3x3 convs see 5", [3, 3], [1, 1]),
        _case("stride 2 then 3x3", [3, 3], [2, 1]),
        _case("ResNet stem: 7x7/2 conv, 3x3/2 pool, two 3x3 convs", [7, 3, 3, 3], [2, 2, 1, 1]),
        _case("1x1 convs add nothing", [1, 3, 1, 3], [1, 2, 1, 1]),
        _case("dilated 3x3 convs (1, 2, 4)", [3, 3, 3], [1, 1, 1], [1, 2, 4]),
        _case("dilation after a stride", [3, 3, 3], [2, 1, 1], [1, 2, 1]),
        _case("VGG-16 (13 convs, 5 pools)", [3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2],
              [1, 1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2]),
    ]
