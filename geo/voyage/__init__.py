"""The voyage: time at sea now; fuel and CO2 by segment next."""
