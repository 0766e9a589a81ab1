"""Wrong sgd_momentum_step implementations an interviewee commonly writes."""


def ema_momentum(param, grad, buf, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    new_buf = momentum * buf + (1.0 - momentum) * g
    step = g + momentum * new_buf if nesterov else new_buf
    return param - lr * step, new_buf


def decay_outside_momentum(param, grad, buf, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    new_buf = momentum * buf + grad
    step = grad + momentum * new_buf if nesterov else new_buf
    return param - lr * step - lr * weight_decay * param, new_buf


def nesterov_ignored(param, grad, buf, lr, momentum=0.9, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    new_buf = momentum * buf + g
    return param - lr * new_buf, new_buf


MISTAKES = {
    "ema_momentum": (ema_momentum, "Uses an exponential moving average b = m*b + (1 - m)*g; PyTorch's SGD "
                                   "accumulates b = m*b + g (dampening 0)."),
    "decay_outside_momentum": (decay_outside_momentum,
                               "Applies weight decay directly to the parameter instead of adding wd * param "
                               "to the gradient before the momentum buffer."),
    "nesterov_ignored": (nesterov_ignored, "Ignores nesterov=True; Nesterov steps along g + momentum * b, "
                                           "not b."),
}
