"""The skills tests' fixtures: the parsed skills and the AWS service usage built from them."""

from __future__ import annotations

import pytest

from dashboard.skills import files as skill_files
from dashboard.skills import sets as overlap


@pytest.fixture(scope="module")
def all_skills():
    return skill_files.parse_skills()


@pytest.fixture(scope="module")
def usage(all_skills):
    return overlap.service_usage(all_skills, skill_files.parse_aws_services(all_skills))
