"""The village deliberation (Musdesus) that turns candidates into a programme's recipients."""
