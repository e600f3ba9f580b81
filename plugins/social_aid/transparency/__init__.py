"""The public recipient list per village (Permendes transparency, masked per UU PDP)."""
