"""OUTDIR/report.html: the class on one page, for the instructor
(tests/README.md, "Grading a class").

One self-contained file: inline CSS and SVG, no script, no network, so it
reads the same from a file, an e-mail or a printer. It shows the class
at a glance (count, mean, median, a histogram of scores), each task's
share of submissions passing results and style, the named mistakes and
hints with who has them, the robustness and errors picture, similar code
(its evidence, and the passages that matched side by side), the roster's
loose ends, and a table of submissions that links to each
one's feedback. With --anonymise every name is a stable pseudonym and
nothing links to a submission's folder.
"""
import html
import urllib.parse
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from judge.contract.tasks import TASKS
from judge.verdict import MAX_SCORE
from instructor.overview import Named, Overview, Share
from instructor.similarity import (CODE, CODE_LEAST, CODE_SCORE,
                                   COMMON_LEAST, COMMON_SHARE, SAME_LEAST,
                                   TEXT_LEAST, Match, Passage, Similarity)
from instructor.verdicts import REPORTED, SCORED, Graded

NAME = "report.html"
# names of a mistake or hint shown before "and N more"
WHO = 12
# pairs of submissions listed (and their passages shown), submissions
# whose matches with known solutions are shown; matches shown side by
# side at most, and open (the others fold, and print folded); lines of a
# file shown around its passages, and at most
PAIRS = 40
KNOWN_SHOWN = 10
SHOWN = 120
OPENED = 6
CONTEXT = 1
LINES = 80
COLOURS = {"passed": "#2e7d32", "failed": "#d9534f", "absent": "#d6d6d6",
           "bar": "#3b6ea8", "partial": "#e0a030"}

STYLE = """
:root { color-scheme: light; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact;
    box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       color: #1d1d1d; background: #fff; margin: 0 auto; max-width: 1140px;
       padding: 24px 28px 48px; font-size: 14px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px;
     border-bottom: 2px solid #3b6ea8; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.meta { color: #555; }
nav { margin: 10px 0 0; color: #555; }
nav a { margin-right: 14px; }
a { color: #1f5a99; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.card { border: 1px solid #d0d7e2; border-radius: 6px; padding: 8px 16px;
        min-width: 128px; background: #f6f8fb; }
.card b { display: block; font-size: 24px; }
.card span { color: #555; font-size: 12.5px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 4px 8px; border-bottom: 1px solid #e3e3e3;
         text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f0f3f7; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.bar { white-space: nowrap; }
td.bar svg { vertical-align: middle; margin-right: 6px; }
.legend span { display: inline-block; margin-right: 14px; }
.legend i { display: inline-block; width: 11px; height: 11px;
            margin-right: 5px; vertical-align: -1px; }
ul.named { list-style: none; padding: 0; margin: 4px 0; }
ul.named li { margin: 4px 0 8px; padding-left: 44px; text-indent: -44px; }
.count { display: inline-block; min-width: 34px; margin-right: 10px;
         text-align: right; font-weight: 700; text-indent: 0; }
.kind { font-size: 11.5px; color: #fff; background: #7a5aa8;
        border-radius: 3px; padding: 0 5px; margin-left: 4px; }
.kind.hint { background: #4b8a8a; }
.who { color: #555; font-size: 12.5px; }
.none { color: #666; font-style: italic; }
td.pts { text-align: center; font-size: 12.5px; min-width: 30px; }
td.full { background: #dcefdc; }
td.some { background: #f8e6c4; }
td.zero { background: #f6d3d2; }
td.gone { background: #f1f1f1; color: #999; }
.warn { color: #a0322d; }
figure { margin: 8px 0; }
figcaption { color: #555; font-size: 12.5px; }
footer { margin-top: 36px; color: #777; font-size: 12px; }
details.match { margin: 8px 0 12px; border: 1px solid #d0d7e2;
                border-radius: 6px; padding: 4px 10px; }
details.match summary { cursor: pointer; padding: 2px 0; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 10px;
         margin: 6px 0 4px; }
.sides > div { min-width: 0; }
.file { font-size: 12px; color: #555; margin-bottom: 2px; }
pre { margin: 0; padding: 6px 8px; background: #fafafa;
      border: 1px solid #e3e3e3; font-size: 11.5px; line-height: 1.4;
      white-space: pre-wrap; overflow-wrap: anywhere;
      font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
pre .ln { color: #999; margin-right: 10px; user-select: none; }
pre .gap { color: #999; }
mark { color: inherit; padding: 0; }
mark.c { background: #cfe2f7; }
mark.t { background: #ffe08a; }
mark.c.t { background: #ffe08a; box-shadow: inset 0 -3px 0 #3b6ea8; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, li, figure, .cards { break-inside: avoid; }
}
"""


@dataclass
class Context:
    """What the report shows."""
    title: str
    graded: Dict[str, Graded]
    view: Overview
    similarity: Similarity
    # name as shown: itself, or its pseudonym with --anonymise
    shown: Callable[[str], str]
    anonymised: bool = False
    # the roster's first column's name and each submission's cell there
    roster_column: Optional[str] = None
    roster_cells: Dict[str, str] = field(default_factory=dict)
    not_on_roster: List[str] = field(default_factory=list)
    no_submission: List[str] = field(default_factory=list)
    notes: Dict[str, List[str]] = field(default_factory=dict)
    seeds: Dict[str, int] = field(default_factory=dict)
    limits: str = ""
    written: str = ""


def esc(text: object) -> str:
    """Text as HTML."""
    return html.escape(str(text), quote=True)


def bar(share: Share, width: int = 150) -> str:
    """An SVG bar: submissions that passed, failed, did not submit."""
    if not share.total:
        return ""
    parts, x = [], 0.0
    for count, colour in ((share.passed, COLOURS["passed"]),
                          (share.failed, COLOURS["failed"]),
                          (share.absent, COLOURS["absent"])):
        size = width * count / share.total
        if size:
            parts.append('<rect x="{:.1f}" y="0" width="{:.1f}" height="14"'
                         ' fill="{}"/>'.format(x, size, colour))
        x += size
    return ('<svg width="{w}" height="14" viewBox="0 0 {w} 14" role="img" '
            'aria-label="{p} passed, {f} failed, {a} not submitted">{r}'
            '</svg>'.format(w=width, p=share.passed, f=share.failed,
                            a=share.absent, r="".join(parts)))


def fraction(done: int, total: int, width: int = 150) -> str:
    """An SVG bar filled to done / total."""
    size = width * done / total if total else 0
    return ('<svg width="{w}" height="14" viewBox="0 0 {w} 14" role="img" '
            'aria-label="{d} of {t}"><rect width="{w}" height="14" '
            'fill="{g}"/><rect width="{s:.1f}" height="14" fill="{c}"/>'
            '</svg>'.format(w=width, d=done, t=total, s=size,
                            g=COLOURS["absent"], c=COLOURS["bar"]))


def histogram(view: Overview) -> str:
    """The scores as an SVG histogram."""
    bins = view.histogram()
    most = max([count for _, count in bins] + [1])
    width, height, left, bottom, top = 760, 220, 34, 36, 18
    step = (width - left) / len(bins)
    scale = (height - bottom - top) / most
    parts = ['<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
             'role="img" aria-label="histogram of scores" '
             'font-family="DejaVu Sans, sans-serif" font-size="11">'.format(
                 w=width, h=height)]
    base = height - bottom
    for tick in range(0, most + 1, max(1, (most + 3) // 4)):
        y = base - tick * scale
        parts.append('<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" '
                     'stroke="#e3e3e3"/><text x="{}" y="{:.1f}" '
                     'text-anchor="end" fill="#666">{}</text>'.format(
                         left, width, y, y, left - 6, y + 4, tick))
    for k, (label, count) in enumerate(bins):
        x = left + k * step
        size = count * scale
        colour = COLOURS["passed"] if label == str(MAX_SCORE) \
            else COLOURS["bar"]
        if count:
            parts.append('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" '
                         'height="{:.1f}" fill="{}"/><text x="{:.1f}" '
                         'y="{:.1f}" text-anchor="middle" font-weight="bold"'
                         '>{}</text>'.format(x + 4, base - size, step - 8,
                                             size, colour, x + step / 2,
                                             base - size - 4, count))
        parts.append('<text x="{:.1f}" y="{}" text-anchor="middle" '
                     'fill="#444">{}</text>'.format(
                         x + step / 2, base + 15, label))
    parts.append('<line x1="{l}" x2="{w}" y1="{b}" y2="{b}" stroke="#888"/>'
                 '<text x="{c:.1f}" y="{y}" text-anchor="middle" fill="#444">'
                 'score (points out of {m})</text></svg>'.format(
                     l=left, w=width, b=base, c=left + (width - left) / 2,
                     y=height - 4, m=MAX_SCORE))
    return "".join(parts)


def names(context: Context, found: Sequence[str]) -> str:
    """Names as shown, the first WHO of them, linked to their feedback."""
    # in the order of the names as shown: pseudonyms keep no trace of
    # the real names' order
    found = sorted(found, key=context.shown)
    shown = [link(context, name) for name in found[:WHO]]
    more = len(found) - len(shown)
    return ", ".join(shown) + (" and {} more".format(more) if more > 0
                               else "")


def link(context: Context, name: str) -> str:
    """A name as shown, linked to its feedback unless anonymised."""
    if context.anonymised or name not in context.graded:
        return esc(context.shown(name))
    return '<a href="{}/feedback.md">{}</a>'.format(
        urllib.parse.quote(name), esc(name))


def glance(context: Context) -> List[str]:
    """The class at a glance."""
    view = context.view
    full = sum(score == MAX_SCORE for score in view.scores.values())
    cards = [(len(context.graded), "submissions graded"),
             ("{:.1f}".format(view.mean), "mean score (of {})".format(
                 MAX_SCORE)),
             ("{:g}".format(view.median), "median score"),
             (full, "full marks"),
             (len(view.missing), "without a verdict")]
    lines = ['<section id="glance">', "<h2>The class at a glance</h2>",
             '<div class="cards">']
    lines += ['<div class="card"><b>{}</b><span>{}</span></div>'.format(
        esc(value), esc(label)) for value, label in cards]
    lines += ["</div>", "<figure>", histogram(view),
              "<figcaption>Scores of the {} submissions with a verdict, in "
              "bins of ten points; full marks in green.</figcaption>".format(
                  len(view.scores)), "</figure>"]
    for name, why in view.missing:
        lines.append('<p class="warn">{}: {}</p>'.format(
            link(context, name), esc(why)))
    return lines + ["</section>"]


def legend() -> str:
    """The legend of the bars."""
    return ('<p class="legend">' + "".join(
        '<span><i style="background:{}"></i>{}</span>'.format(
            COLOURS[key], text) for key, text in (
            ("passed", "every check passed"),
            ("failed", "some check failed"),
            ("absent", "not submitted"))) + "</p>")


def tasks(context: Context) -> List[str]:
    """Each task's share of submissions passing results and style."""
    lines = ['<section id="tasks">', "<h2>Tasks: who passes</h2>",
             "<p>Of the {} submissions with a verdict, those whose task file "
             "passes every check of the kind (<code>results</code> earns "
             "9 points, <code>style</code> 1).</p>".format(
                 len(context.view.names)), legend(),
             '<table><tr><th>task</th><th class="num">submitted</th>'
             '<th>results</th><th>style</th></tr>']
    for view in context.view.tasks:
        cells = ['<td>{}</td><td class="num">{}</td>'.format(
            esc(view.task), view.submitted)]
        for kind in ("results", "style"):
            share = view.shares[kind]
            cells.append('<td class="bar">{}{} of {}</td>'.format(
                bar(share), share.passed, share.total))
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return lines + ["</table>", "</section>"]


def named_item(context: Context, named: Named, hint: bool = False,
               task: bool = False) -> str:
    """One mistake or hint: its count, text, kind and who."""
    label = ("hint, " if hint else "") + named.kind
    kind = "" if label == "results" else '<span class="kind{}">{}</span>'\
        .format(" hint" if hint else "", esc(label))
    return ('<li><span class="count">{}</span>{}{}{}<br><span class="who">'
            '{}</span></li>'.format(
                len(named.names), esc(named.task) + ": " if task else "",
                esc(named.text), kind, names(context, named.names)))


def group(context: Context, count: int, text: str, who) -> str:
    """A line of submissions that share something unnamed."""
    return ('<li><span class="count">{}</span><span class="none">{}</span>'
            '<br><span class="who">{}</span></li>'.format(
                count, esc(text), names(context, who)))


def mistakes(context: Context) -> List[str]:
    """Each task's named mistakes and hints (results and style), most
    frequent first."""
    view = context.view
    lines = ['<section id="mistakes">',
             "<h2>Named mistakes and hints, by task</h2>",
             "<p>The likely mistakes the judge named for the scored kinds "
             "(it names one only when it reproduces every quantity the "
             "submission gets wrong: README.md, \"When a task fails: the "
             "feedback\") and its hints, with how many submissions have "
             "each and which. "
             "Robustness and errors have their own section.</p>"]
    any_said = False
    for task in TASKS:
        found = [n for n in view.mistakes
                 if n.task == task and n.kind in SCORED]
        hints = [n for n in view.hints if n.task == task and n.kind in SCORED]
        one = view.of_task(task)
        if not (found or hints or one.unexplained or one.unwritten):
            continue
        any_said = True
        lines += ["<h3>{}</h3>".format(esc(task)), '<ul class="named">']
        lines += [named_item(context, named) for named in found]
        lines += [named_item(context, named, hint=True) for named in hints]
        if one.unexplained:
            lines.append(group(context, len(one.unexplained),
                               "fail results with no named mistake",
                               one.unexplained))
        if one.unwritten:
            lines.append(group(context, len(one.unwritten),
                               "not written yet (the starter's skeleton)",
                               one.unwritten))
        lines.append("</ul>")
    if not any_said:
        lines.append('<p class="none">No task failed its results or style '
                     'checks.</p>')
    return lines + ["</section>"]


def beyond(context: Context) -> List[str]:
    """The robustness and errors picture."""
    lines = ['<section id="beyond">', "<h2>Robustness and errors</h2>",
             "<p>Reported, no points: extreme inputs, float32 and arguments "
             "left untouched (<code>robustness</code>); a ValueError that "
             "names the argument of a malformed call (<code>errors</code>, "
             "sequence functions only). Bars: submissions passing every "
             "check of the kind; then the checks passed across the class."
             "</p>", legend(), "<table><tr><th>task</th>"]
    lines[-1] += "".join('<th>{} (submissions)</th><th class="num">checks '
                         'passed</th>'.format(kind) for kind in REPORTED) + \
        "</tr>"
    for view in context.view.tasks:
        cells = ["<td>{}</td>".format(esc(view.task))]
        for kind in REPORTED:
            share = view.shares[kind]
            if not share.total:
                cells.append('<td class="none">no such checks</td><td></td>')
                continue
            cells.append('<td class="bar">{}{} of {}</td>'.format(
                bar(share), share.passed, share.total))
            cells.append('<td class="num bar">{}{}/{}</td>'.format(
                fraction(share.checks_passed, share.checks_run, 90),
                share.checks_passed, share.checks_run))
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    named = [n for n in context.view.mistakes if n.kind in REPORTED]
    hints = [n for n in context.view.hints if n.kind in REPORTED]
    if named or hints:
        lines += ["<h3>Named causes and hints</h3>", '<ul class="named">']
        lines += [named_item(context, one, task=True) for one in named]
        lines += [named_item(context, one, hint=True, task=True)
                  for one in hints]
        lines.append("</ul>")
    return lines + ["</section>"]


def marked(text: str, passages: Sequence[Passage],
           context: int = CONTEXT, most: int = LINES) -> str:
    """The lines of text that hold passages (and context lines around
    them), numbered, each passage marked by its kind: code, or text.
    Everything escaped."""
    kinds = [""] * len(text)
    for passage in passages:
        mark = "c" if passage.kind == CODE else "t"
        for k in range(max(0, passage.start), min(len(text), passage.end)):
            if mark not in kinds[k]:
                kinds[k] = "c t" if kinds[k] else mark
    lines, start = [], 0
    for line in text.splitlines(True):
        lines.append((start, line.rstrip("\r\n")))
        start += len(line)
    shown = set()
    for number, (start, line) in enumerate(lines):
        if any(kinds[start:start + len(line)]):
            shown.update(range(number - context, number + context + 1))
    out, previous, count = [], -1, 0
    for number in sorted(k for k in shown if 0 <= k < len(lines)):
        count += 1
        if count > most:
            out.append('<span class="gap">… {} more lines</span>'.format(
                len(lines) - number))
            return "\n".join(out)
        if number != previous + 1:
            out.append('<span class="gap">⋯</span>')
        previous = number
        begin, line = lines[number]
        indent = len(line) - len(line.lstrip())
        runs, run, kind = [], "", None
        for k, char in enumerate(line):
            # the indentation is no part of a passage
            now = kinds[begin + k] if k >= indent else ""
            if now != kind and run:
                runs.append((kind, run))
                run = ""
            kind = now
            run += char
        if run:
            runs.append((kind, run))
        out.append('<span class="ln">{:>4}</span>'.format(number + 1) +
                   "".join('<mark class="{}">{}</mark>'.format(kind, esc(
                       part.expandtabs(4))) if kind else esc(
                           part.expandtabs(4)) for kind, part in runs))
    if previous < len(lines) - 1:
        out.append('<span class="gap">⋯</span>')
    return "\n".join(out)


def side_by_side(context: Context, match: Match, opened: bool) -> str:
    """One match's passages, each file in a column."""
    found = context.similarity
    left = found.texts.get((match.task, match.name), "")
    right = (found.known_texts if match.known else found.texts).get(
        (match.task, match.other), "")
    other = esc(match.other) if match.known else esc(context.shown(
        match.other))
    return ('<details class="match"{}><summary><b>{}</b> &amp; <b>{}</b>, '
            '{}: {}</summary><div class="sides"><div><div class="file">{}'
            '</div><pre>{}</pre></div><div><div class="file">{}</div><pre>'
            '{}</pre></div></div></details>'.format(
                " open" if opened else "", esc(context.shown(match.name)),
                other, esc(match.task), esc(match.says()),
                esc("{}/{}.py".format(context.shown(match.name),
                                      match.task)),
                marked(left, match.left),
                esc("{}/{}.py".format(match.other if match.known else
                                      context.shown(match.other),
                                      match.task)),
                marked(right, match.right)))


def evidence_of(matches: Sequence[Match]) -> str:
    """Each task of a pair and its evidence, as a cell."""
    return "<br>".join("{}: {}".format(esc(m.task), esc(m.says()))
                       for m in sorted(matches,
                                       key=lambda m: TASKS.index(m.task)))


def similar(context: Context) -> List[str]:
    """Similar code: the pairs and their evidence, the matches with
    known solutions, then the passages side by side."""
    found = context.similarity
    lines = ['<section id="similarity">', "<h2>Similar code</h2>"]
    if not found.available:
        return lines + ['<p class="none">Not compared: {}.</p>'.format(
            esc(found.reason)), "</section>"]
    lines.append(
        "<p>Evidence that two files were not written apart, in two kinds "
        "weighed separately. <b>Code</b>: copydetect's fingerprints of the "
        "code (names as V) once the code the contract forces is set aside: "
        "this repository's task files, the starter's skeletons, the "
        "constructors' draws, and what more than {:.0%} of the class's files "
        "share (at least {}); the score is the share of each file's own code "
        "found in the other, the smaller of the two, flagged from {:.2f} "
        "when both files have {} characters of own code. <b>Text</b>: "
        "docstrings, comments, strings, made-up names and the layout of "
        "statements over several lines, the same set aside (and what the "
        "README says), flagged from {} characters in common, or when a file "
        "is found twice, character for character, with {} of its own. "
        "Against this repository's own files, whose code is the contract's, "
        "only text counts. The known solutions include {}. A flag is a "
        "question to look into, never a grade.</p>".format(
            COMMON_SHARE, COMMON_LEAST, CODE_SCORE, CODE_LEAST, TEXT_LEAST,
            SAME_LEAST, "this repository's own" + (
                " and {} file{} given with --known".format(
                    found.known_files, "" if found.known_files == 1 else "s")
                if found.known_files else "")))
    if found.short:
        lines.append("<p>Too little code of their own to judge on code, so "
                     "compared on text alone: {}.</p>".format(", ".join(
                         "{} ({})".format(esc(one.task), "every file"
                                          if len(one.names) == one.files
                                          else "{} of {} files".format(
                                              len(one.names), one.files))
                         for one in found.short)))
    if not found.pairs and not found.known:
        return lines + ['<p class="none">Nothing flagged among {} task '
                        'files.</p>'.format(found.files), "</section>"]
    pairs = sorted((tuple(sorted(pair, key=context.shown)), matches)
                   for pair, matches in found.by_pair())
    pairs.sort(key=lambda item: (-len(item[1]), -sum(
        len(m.evidence) for m in item[1]), -sum(
        m.code + m.text for m in item[1]), [context.shown(n)
                                            for n in item[0]]))
    if pairs:
        lines += ["<h3>Pairs of submissions</h3>",
                  '<table><tr><th>pair</th><th class="num">tasks</th>'
                  '<th>evidence, task by task</th></tr>']
        for (first, second), matches in pairs[:PAIRS]:
            lines.append('<tr><td class="pair">{} &amp; {}</td>'
                         '<td class="num">{}</td><td>{}</td></tr>'.format(
                             link(context, first), link(context, second),
                             len(matches), evidence_of(matches)))
        lines.append("</table>")
        if len(pairs) > PAIRS:
            lines.append("<p>and {} more pairs</p>".format(
                len(pairs) - PAIRS))
    together: Dict[Tuple[str, str], List[Match]] = {}
    for match in found.known:
        together.setdefault((match.name, match.other), []).append(match)
    known = sorted(together.items(), key=lambda item: (
        -len(item[1]), context.shown(item[0][0]), item[0][1]))
    if known:
        lines += ["<h3>Matches with known solutions</h3>",
                  '<table><tr><th>submission</th><th>known solution</th>'
                  '<th class="num">tasks</th><th>evidence, task by task</th>'
                  '</tr>']
        for (name, label), matches in known[:PAIRS]:
            lines.append('<tr><td>{}</td><td>{}</td><td class="num">{}</td>'
                         '<td>{}</td></tr>'.format(
                             link(context, name), esc(label), len(matches),
                             evidence_of(matches)))
        lines.append("</table>")
        if len(known) > PAIRS:
            lines.append("<p>and {} more</p>".format(len(known) - PAIRS))
    lines += ['<h3 id="passages">Passages side by side</h3>']
    if context.anonymised:
        return lines + ['<p class="none">Not shown in an anonymised report: '
                        'a file may name its author.</p>', "</section>"]
    lines.append('<p class="legend">What matched, in each file: <mark '
                 'class="c">code</mark> <mark class="t">text</mark> <mark '
                 'class="c t">both</mark>. Lines around each passage are '
                 'shown; ⋯ marks lines left out.</p>')
    each = []
    for (first, second), matches in pairs[:PAIRS]:
        for match in sorted(matches, key=lambda m: TASKS.index(m.task)):
            if context.shown(match.name) != context.shown(first):
                match = match._replace(name=match.other, other=match.name,
                                       left=match.right, right=match.left)
            each.append(match)
    for _, matches in known[:KNOWN_SHOWN]:
        each += sorted(matches, key=lambda m: TASKS.index(m.task))
    lines += [side_by_side(context, match, k < OPENED)
              for k, match in enumerate(each[:SHOWN])]
    if len(each) > SHOWN:
        lines.append("<p>and {} more matches of the pairs above, not shown "
                     "side by side</p>".format(len(each) - SHOWN))
    return lines + ["</section>"]


def roster(context: Context) -> List[str]:
    """The roster's loose ends."""
    if context.roster_column is None:
        return []
    lines = ['<section id="roster">', "<h2>Roster</h2>"]
    if not context.not_on_roster and not context.no_submission:
        lines.append("<p>Every submission has a roster row, and every "
                     "roster row a submission.</p>")
    if context.not_on_roster:
        lines.append('<p class="warn">Submissions without a roster row '
                     '({}): {}</p>'.format(len(context.not_on_roster),
                                           names(context,
                                                 context.not_on_roster)))
    if context.no_submission:
        lines.append('<p class="warn">Roster rows without a submission '
                     '({}): {}</p>'.format(
                         len(context.no_submission),
                         esc(", ".join(context.shown(name)
                                       for name in context.no_submission))))
    return lines + ["</section>"]


def points_cell(graded: Graded, task: str) -> str:
    """A task's points in the table of submissions, coloured."""
    earned, most = graded.points(task)
    if task not in graded.submitted():
        return '<td class="pts gone">-</td>'
    tone = "full" if earned == most and most else \
        "zero" if not earned else "some"
    return '<td class="pts {}">{}</td>'.format(tone, earned)


def submissions(context: Context) -> List[str]:
    """The table of submissions, sorted by name as shown."""
    column = context.roster_column if not context.anonymised else None
    head = ["submission"] + ([column] if column else []) + ["score"]
    lines = ['<section id="submissions">', "<h2>Submissions</h2>",
             "<p>Points per task (of 10; - not submitted); robustness and "
             "errors: checks passed of checks run.{}</p>".format(
                 "" if context.anonymised else " Each name links to the "
                 "feedback written for the student."),
             "<table><tr>" + "".join("<th>{}</th>".format(esc(text))
                                     for text in head) +
             "".join('<th class="num" title="{}">{}</th>'.format(
                 esc(task), esc(task.split("-")[0])) for task in TASKS) +
             "<th>robustness</th><th>errors</th><th>note</th></tr>"]
    for name in sorted(context.graded, key=context.shown):
        graded = context.graded[name]
        row = ["<td>{}</td>".format(link(context, name))]
        if column:
            row.append("<td>{}</td>".format(esc(context.roster_cells.get(
                name, ""))))
        row.append('<td class="num"><b>{}</b></td>'.format(graded.score))
        row += [points_cell(graded, task) for task in TASKS]
        for kind in REPORTED:
            passed, run = graded.tally(kind)
            row.append('<td class="num">{}</td>'.format(
                "{}/{}".format(passed, run) if run else "-"))
        notes = list(context.notes.get(name, []))
        if graded.no_verdict:
            notes.insert(0, "no verdict: " + graded.no_verdict)
        elif graded.void:
            notes.insert(0, "void: " + graded.void)
        row.append('<td class="warn">{}</td>'.format(esc("; ".join(notes))))
        lines.append("<tr>" + "".join(row) + "</tr>")
    return lines + ["</table>", "</section>"]


def render(context: Context) -> str:
    """The report as HTML."""
    seeds: Dict[int, int] = {}
    for seed in context.seeds.values():
        seeds[seed] = seeds.get(seed, 0) + 1
    seed_text = ", ".join("{} ({} submission{})".format(
        seed, count, "" if count == 1 else "s") if len(seeds) > 1
        else str(seed) for seed, count in sorted(seeds.items()))
    body = ["<header>", "<h1>Class report: {}</h1>".format(
        esc(context.title)),
        '<p class="meta">{} submission{} graded by this repository\'s judge'
        '{}{}. Written {}.{}</p>'.format(
            len(context.graded), "" if len(context.graded) == 1 else "s",
            "; seed " + esc(seed_text) if seed_text else "",
            "; " + esc(context.limits) if context.limits else "",
            esc(context.written),
            " Names are pseudonyms." if context.anonymised else ""),
        "<nav>" + "".join('<a href="#{}">{}</a>'.format(anchor, text)
                          for anchor, text in (
            ("glance", "at a glance"), ("tasks", "tasks"),
            ("mistakes", "mistakes"), ("beyond", "robustness and errors"),
            ("similarity", "similar code")) +
            ((("roster", "roster"),) if context.roster_column else ()) +
            (("submissions", "submissions"),)) + "</nav>",
        "</header>"]
    for part in (glance, tasks, mistakes, beyond, similar, roster,
                 submissions):
        body += part(context)
    body.append("<footer>Written by tests/grade_class.py; "
                "tests/README.md, \"Grading a class\", says what each "
                "part means.</footer>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset="
            "\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-"
            "width, initial-scale=1\">\n<title>Class report: {}</title>\n"
            "<style>{}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n"
            .format(esc(context.title), STYLE, "\n".join(body)))
