"""Reference for the nt_xent_loss drill: SimCLR's contrastive loss over 2N embeddings."""

import torch


def nt_xent_loss(z1: torch.Tensor, z2: torch.Tensor, temperature: float = 0.5) -> torch.Tensor:
    """Return the mean NT-Xent loss over the 2N embeddings of z1 (N, D) and z2 (N, D), as a 0-d tensor."""
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    z = z / z.norm(dim=1, keepdim=True)
    sim = z @ z.T / temperature
    sim = sim.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    positive = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    log_denominator = torch.logsumexp(sim, dim=1)
    return (log_denominator - sim[torch.arange(2 * n), positive]).mean()
