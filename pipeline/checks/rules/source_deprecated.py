"""The English source uses a deprecated term (e.g. "disk" where "disc" is preferred).

Checked in `source/`; the finding names the file and line so the content lead can fix the text
before it reaches translators.
"""

CODE = "E206"
NAME = "source-term-deprecated"
SEVERITY = "error"
SCOPE = "source"
SAFETY = True
OPTIONS: dict = {}


def check(procedure, ctx, options):
    for message in procedure.messages():
        for hit in ctx.source.find(message.text.value):
            if hit.term.status == "deprecated":
                preferred = hit.concept.preferred("en")
                better = f": write '{preferred.display}'" if preferred else ""
                yield message, f"deprecated term '{hit.term.display}'{better}"
