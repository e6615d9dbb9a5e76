"""Route engine (the only caller of searoute), antimeridian handling and geodesy."""
