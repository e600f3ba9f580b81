"""The village map (peta desa): hamlet and village boundaries and the points of public buildings,
kept as GeoJSON and drawn on the server as an SVG, with tiles behind it where the instance has
them."""
