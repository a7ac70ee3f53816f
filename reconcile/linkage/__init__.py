"""Linkage: scoring SDN name candidates for a mention, and OFAC's own score beside ours."""
