"""Wrong linear_backward implementations an interviewee commonly writes."""



def _flat(x, dout, w):
    return x.reshape(-1, w.shape[1]), dout.reshape(-1, w.shape[0])


def dw_transposed(x, w, b, dout):
    x2, d2 = _flat(x, dout, w)
    return (d2 @ w).reshape(x.shape), x2.T @ d2, d2.sum(axis=0)


def db_mean(x, w, b, dout):
    x2, d2 = _flat(x, dout, w)
    return (d2 @ w).reshape(x.shape), d2.T @ x2, d2.mean(axis=0)


def gradients_averaged(x, w, b, dout):
    x2, d2 = _flat(x, dout, w)
    n = x2.shape[0]
    return (d2 @ w).reshape(x.shape), d2.T @ x2 / n, d2.sum(axis=0) / n


MISTAKES = {
    "dw_transposed": (dw_transposed, "dw = x.T @ dout has shape (in, out); w is (out, in), so dw = dout.T @ x."),
    "db_mean": (db_mean, "db averages dout over the batch; the bias is added to every example, so its "
                         "gradient is the sum."),
    "gradients_averaged": (gradients_averaged, "Divides dw and db by the batch size; dout already carries "
                                               "any averaging the loss does."),
}
