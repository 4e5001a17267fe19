"""The skills and AWS services each role needs: their files, set arithmetic, the Venn and service figures."""
