"""Install the package into a new `wagtail start` site by following the documentation as written, then read it.

1. A virtualenv in a temporary folder, `pip install wagtail`, `wagtail start mysite`: a new user's site.
2. Every code block of docs/installation.md, then docs/recipes.md, that a `<!-- fresh-site: ACTION -->` comment
   marks, in order, and nothing else:
   - `run` / `run in the checkout`: each command line, in the site's folder or the repository's, with the
     virtualenv first on PATH;
   - `append PATH` / `write PATH`: the block added to the end of, or written as, a file of the site;
   - `shell`: consecutive blocks together, in one `python manage.py shell` session.
   The docs' port, 8000, becomes PORT, so that a server already on 8000 does not get in the way.
3. `runserver` on 127.0.0.1:PORT, and the checks: each page answers 200 with its article, the stylesheet and
   JSON-LD that names the page's full URL; the v2 API lists the pages and serves each with its disclaimers.

Usage: python .ci/fresh_site.py   (the Python to build the site's virtualenv with; stdlib only)
Environment: PORT (default 8137), KEEP_SITE=1 keeps the temporary folder.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
DOCS = [REPOSITORY / "docs" / "installation.md", REPOSITORY / "docs" / "recipes.md"]
PORT = int(os.environ.get("PORT", "8137"))
BASE_URL = f"http://127.0.0.1:{PORT}"
MARKED_BLOCK = re.compile(r"<!-- fresh-site: (?P<action>[^>]*?) -->\n```\w*\n(?P<code>.*?)```", re.DOTALL)
PAGES = {
    "/kratom/": "Kratom",
    "/kratom/liver/": "Kratom and the liver",
    "/kratom/safer-use/": "Using kratom more safely",
}


def step(message: str) -> None:
    print(f"\n--> {message}", flush=True)


def run(command: str | list[str], cwd: Path, env: dict) -> str:
    """Run ``command``, echoing it and its output; stop the script if it fails."""
    shown = command if isinstance(command, str) else " ".join(part.splitlines()[0] for part in command)
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=cwd, env=env, shell=isinstance(command, str), capture_output=True, text=True, check=False
    )
    print(f"$ {shown}   ({time.monotonic() - started:.0f} s)", flush=True)
    output = (result.stdout + result.stderr).strip()
    if output:
        print("\n".join(output.splitlines()[-15:]))
    if result.returncode:
        sys.exit(f"fresh_site: `{shown}` failed with exit code {result.returncode}")
    return output


def marked_blocks(doc: Path) -> list[tuple[str, str]]:
    """The (action, code) of each marked block, with consecutive shell blocks joined into one session."""
    blocks: list[tuple[str, str]] = []
    for match in MARKED_BLOCK.finditer(doc.read_text()):
        action, code = match["action"].strip(), match["code"]
        if action == "shell" and blocks and blocks[-1][0] == "shell":
            blocks[-1] = ("shell", blocks[-1][1] + "\n" + code)
        else:
            blocks.append((action, code))
    return blocks


def follow(doc: Path, site: Path, env: dict) -> None:
    for action, code in marked_blocks(doc):
        step(f"{doc.name}: {action}")
        code = code.replace("8000", str(PORT))
        if action in ("run", "run in the checkout"):
            cwd = REPOSITORY if action == "run in the checkout" else site
            for line in code.splitlines():
                if (command := line.split("  #")[0].strip()) and not command.startswith("#"):
                    output = run(command, cwd, env)
                    if command == "python manage.py check" and "wagtail_kratom." in output:
                        sys.exit("fresh_site: the package's system checks report a problem")
        elif action.startswith(("append ", "write ")):
            verb, path = action.split(" ", 1)
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a" if verb == "append" else "w") as file:
                file.write(("\n" if verb == "append" else "") + code)
            print(f"{'appended to' if verb == 'append' else 'wrote'} {path}:\n{code}")
        elif action == "shell":
            run(["python", "manage.py", "shell", "-c", code], site, env)
        else:
            sys.exit(f"fresh_site: {doc.name} marks a block with an unknown action {action!r}")


class JsonLdParser(HTMLParser):
    """Collects the JSON-LD scripts, stylesheet links and canonical links of a page."""

    def __init__(self):
        super().__init__()
        self.json_ld: list[dict] = []
        self.stylesheets: list[str] = []
        self.canonical: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs.get("href", ""))
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href", ""))

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))
            self._in_json_ld = False


def get(path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(BASE_URL + path, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def check(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"fresh_site: {message}")
    print(f"ok: {message}")


def check_site() -> None:
    for path, title in PAGES.items():
        status, html = get(path)
        check(status == 200 and f"<h1>{title}</h1>" in html, f"{path} answers 200 with the article “{title}”")
        parser = JsonLdParser()
        parser.feed(html)
        check(
            any(href.endswith("wagtail_kratom/css/kratom.css") for href in parser.stylesheets),
            f"{path} links the stylesheet",
        )
        urls = [item.get("url") for item in parser.json_ld]
        check(BASE_URL + path in urls, f"{path} has JSON-LD naming {BASE_URL + path}")
        check(parser.canonical == [BASE_URL + path], f"{path} has its canonical link")
        check("This is not medical advice" in html, f"{path} shows the site's default medical disclaimer")

    status, body = get("/api/v2/pages/?type=wagtail_kratom.SafeUseGuidePage,wagtail_kratom.RiskSectionPage")
    check(status == 200, "the v2 API lists article pages")
    items = json.loads(body)["items"]
    check(sorted(item["title"] for item in items) == sorted(list(PAGES.values())[1:]), "the listing has both pages")
    for item in items:
        status, body = get(f"/api/v2/pages/{item['id']}/")
        page = json.loads(body)
        check(status == 200 and page["meta"]["html_url"].startswith(BASE_URL), f"v2 serves “{item['title']}”")
        kinds = {disclaimer["kind"] for disclaimer in page["disclaimers"]}
        check("medical" in kinds, f"v2 gives “{item['title']}” its disclaimers ({', '.join(sorted(kinds))})")


def serve(site: Path, env: dict) -> subprocess.Popen:
    step(f"python manage.py runserver 127.0.0.1:{PORT}")
    log = (site / "runserver.log").open("w")
    server = subprocess.Popen(
        ["python", "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _attempt in range(60):
        try:
            urllib.request.urlopen(BASE_URL + "/", timeout=2)
            return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    server.terminate()
    sys.exit(f"fresh_site: runserver did not answer:\n{(site / 'runserver.log').read_text()}")


def main() -> None:
    try:
        urllib.request.urlopen(BASE_URL + "/", timeout=2)
    except urllib.error.HTTPError:
        sys.exit(f"fresh_site: something already answers on {BASE_URL}; choose another PORT")
    except OSError:
        pass
    else:
        sys.exit(f"fresh_site: something already answers on {BASE_URL}; choose another PORT")

    folder = Path(tempfile.mkdtemp(prefix="kratom-fresh-site."))
    site = folder / "mysite"
    venv = folder / ".venv"
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "PYTHONDONTWRITEBYTECODE": "1"}
    for name in ("VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PIP_CONSTRAINT"):
        env.pop(name, None)
    server = None
    try:
        step(f"A new Wagtail site in {site}")
        run([sys.executable, "-m", "venv", str(venv)], folder, env)
        run("python -m pip install --quiet wagtail", folder, env)
        run("wagtail start mysite", folder, env)
        run("pip install --quiet -r requirements.txt", site, env)
        for doc in DOCS:
            follow(doc, site, env)
        server = serve(site, env)
        step(f"Reading the site at {BASE_URL}")
        check_site()
        print("\nfresh_site: the documented install works on a new `wagtail start` site.")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if os.environ.get("KEEP_SITE") == "1":
            print(f"fresh_site: kept {site}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
