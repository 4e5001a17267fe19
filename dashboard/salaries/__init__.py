"""The article's salary bands: their files, one scale for all regions, the gap between roles, figures."""
