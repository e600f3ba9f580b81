"""The village's public site: profile, government, news, agenda and the service catalogue."""
