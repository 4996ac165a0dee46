"""Agreement between the tool and reviewers, and between reviewers.

Statistics (all on nominal data):

* **percent agreement**: the share of units two coders code alike;
* **Cohen's kappa** (two coders): ``(p_o - p_e) / (1 - p_e)`` with ``p_e``
  from each coder's own marginal distribution (as scikit-learn's
  ``cohen_kappa_score``), with a **percentile bootstrap** 95% interval
  (units resampled with replacement, 2,000 resamples, seeded);
* **Krippendorff's alpha** (any number of coders, missing values allowed):
  ``1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k`` from the
  coincidence matrix ``o_ck = sum_u (number of c-k pairs in unit u) / (m_u - 1)``
  over units with ``m_u >= 2`` values (Krippendorff 2011, "Computing
  Krippendorff's Alpha-Reliability").

Levels: passage (yes/no), category (present/absent per category) and
program-per-source (a program x source is "yes" for a coder when any of its
passages that coder decided is yes).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np

from .sheets import Decision, SheetRow, read_sheet, rule_categories, sampling_fraction, NO_CANDIDATE

TOOL = "tool"
RESAMPLES = 2000


# ---------------------------------------------------------------- statistics

def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Share of units on which two coders agree (None for no units)."""
    if len(a) != len(b):
        raise ValueError("both coders need a value for every unit")
    return None if not a else sum(x == y for x, y in zip(a, b)) / len(a)


def _codes(a, b) -> tuple[np.ndarray, np.ndarray, int]:
    labels = {v: i for i, v in enumerate(sorted(set(a) | set(b), key=repr))}
    return (np.array([labels[x] for x in a], dtype=np.int64), np.array([labels[x] for x in b], dtype=np.int64),
            len(labels))


def _kappa_from_tables(tables: np.ndarray) -> np.ndarray:
    """Kappa of each K x K confusion table in ``tables`` (shape (..., K, K)); nan where undefined."""
    n = tables.sum(axis=(-2, -1))
    po = np.trace(tables, axis1=-2, axis2=-1) / n
    pe = (tables.sum(axis=-1) * tables.sum(axis=-2)).sum(axis=-1) / (n * n)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = (po - pe) / (1.0 - pe)
    return np.where(np.isclose(pe, 1.0), np.nan, k)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two coders (None when undefined: no units, or both
    coders gave one and the same value throughout)."""
    if len(a) != len(b):
        raise ValueError("both coders need a value for every unit")
    if not a:
        return None
    x, y, k = _codes(a, b)
    table = np.bincount(x * k + y, minlength=k * k).reshape(k, k).astype(float)
    v = float(_kappa_from_tables(table))
    return None if np.isnan(v) else v


def bootstrap_kappa_ci(a: Sequence[Hashable], b: Sequence[Hashable], resamples: int = RESAMPLES,
                       seed: int = 0, level: float = 0.95) -> tuple[float, float] | None:
    """Percentile bootstrap interval for Cohen's kappa: units resampled with
    replacement (``numpy.random.default_rng(seed)``); resamples where kappa is
    undefined are dropped. None when fewer than 2 units or no defined resample."""
    if len(a) != len(b):
        raise ValueError("both coders need a value for every unit")
    n = len(a)
    if n < 2:
        return None
    x, y, k = _codes(a, b)
    pair = x * k + y
    idx = np.random.default_rng(seed).integers(0, n, size=(resamples, n))
    flat = (pair[idx] + (k * k) * np.arange(resamples)[:, None]).ravel()
    tables = np.bincount(flat, minlength=resamples * k * k).reshape(resamples, k, k).astype(float)
    ks = _kappa_from_tables(tables)
    ks = ks[~np.isnan(ks)]
    if ks.size == 0:
        return None
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(ks, [tail, 100 - tail])
    return float(lo), float(hi)


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v))


def krippendorff_alpha_nominal(data: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data.

    ``data`` is coders x units (one row per coder); ``None`` or NaN is a
    missing value. Units with fewer than two values are not pairable and are
    left out. None when undefined (fewer than two pairable values, or a
    single value used throughout).
    """
    if not data:
        return None
    width = len(data[0])
    if any(len(row) != width for row in data):
        raise ValueError("every coder needs one entry (value or None) per unit")
    o: dict[tuple, float] = defaultdict(float)
    for u in range(width):
        counts = Counter(row[u] for row in data if not _missing(row[u]))
        m = sum(counts.values())
        if m < 2:
            continue
        for c, nc in counts.items():
            for k, nk in counts.items():
                o[(c, k)] += (nc * (nc - 1) if c == k else nc * nk) / (m - 1)
    n_c: dict = defaultdict(float)
    for (c, _), v in o.items():
        n_c[c] += v
    n = sum(n_c.values())
    if n <= 1:
        return None
    disagree = sum(v for (c, k), v in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * disagree / expected


def compare(a: Sequence[Hashable], b: Sequence[Hashable], resamples: int = RESAMPLES, seed: int = 0) -> dict:
    """Percent agreement, kappa (with bootstrap interval) and alpha of two coders."""
    ci = bootstrap_kappa_ci(a, b, resamples, seed)
    return {"units": len(a), "percent_agreement": _r(percent_agreement(a, b)), "kappa": _r(cohen_kappa(a, b)),
            "kappa_ci95": None if ci is None else [_r(ci[0]), _r(ci[1])],
            "alpha": _r(krippendorff_alpha_nominal([list(a), list(b)]))}


# ---------------------------------------------------------------- sheets

class _Data:
    """The sheets' rows merged by passage id: the tool's and each reviewer's values."""

    def __init__(self, sheets: list[Path], audit: dict | None, category_ids: tuple[str, ...]):
        self.category_ids = category_ids
        self.reviewers: list[str] = []
        self.rows: dict[str, SheetRow] = {}
        self.decisions: dict[str, dict[str, Decision]] = {}
        self.sheet_info = []
        stems = Counter(Path(s).stem for s in sheets)
        for s in sheets:
            name = Path(s).stem if stems[Path(s).stem] == 1 else str(s)
            while name in self.decisions or name == TOOL:
                name += "'"
            rows = read_sheet(s, category_ids)
            self.reviewers.append(name)
            self.decisions[name] = {r.passage_id: r.decision for r in rows if r.decision is not None}
            for r in rows:
                if r.passage_id not in self.rows or (r.tool_decision and not self.rows[r.passage_id].tool_decision):
                    self.rows[r.passage_id] = r
            self.sheet_info.append({"file": str(s), "coder": name, "passages": len(rows),
                                    "decided": len(self.decisions[name])})
        self.doc_types = {}
        if audit:
            for p in audit.get("programs") or []:
                for d in p.get("documents") or []:
                    self.doc_types[(p["id"], d["path"])] = d.get("doc_type") or "other"
        self.has_tool = any(r.tool_decision for r in self.rows.values())

    # values of one coder for one passage
    def passage(self, coder: str, pid: str) -> str | None:
        if coder == TOOL:
            row = self.rows.get(pid)
            return (row.tool_decision or None) if row else None
        d = self.decisions[coder].get(pid)
        return d.decision if d else None

    def category(self, coder: str, pid: str, c: str) -> bool | None:
        row = self.rows.get(pid)
        if coder == TOOL:
            if not row or not row.tool_decision:
                return None
            return row.tool_decision == "yes" and c in row.tool_categories
        d = self.decisions[coder].get(pid)
        if d is None:
            return None
        if d.decision == "no":
            return False
        cats = set(d.categories) or (rule_categories(row.tool_rule) & set(self.category_ids) if row else set())
        return (c in cats) if cats else None  # yes with no category known: missing at this level

    def unit(self, pid: str) -> tuple[str, str] | None:
        row = self.rows[pid]
        if not row.program:
            return None
        if self.doc_types:
            return row.program, self.doc_types.get((row.program, row.path), "other")
        return row.program, "all"

    def pairs(self) -> list[tuple[str, str]]:
        out = [(TOOL, r) for r in self.reviewers] if self.has_tool else []
        for i, a in enumerate(self.reviewers):
            for b in self.reviewers[i + 1:]:
                if set(self.decisions[a]) & set(self.decisions[b]):
                    out.append((a, b))
        return out


def _level_report(data: _Data, value, pairs, resamples: int, seed: int) -> dict:
    """Comparisons of each pair and reviewers' alpha for one value function (coder, pid) -> value."""
    pids = list(data.rows)
    comparisons = []
    for a, b in pairs:
        both = [(value(a, p), value(b, p)) for p in pids]
        both = [(x, y) for x, y in both if x is not None and y is not None]
        comparisons.append({"coders": [a, b], **compare([x for x, _ in both], [y for _, y in both],
                                                        resamples, seed)})
    out = {"comparisons": comparisons}
    if len(data.reviewers) >= 2:
        matrix = [[value(r, p) for p in pids] for r in data.reviewers]
        pairable = sum(1 for u in range(len(pids)) if sum(m[u] is not None for m in matrix) >= 2)
        out["reviewers_alpha"] = {"coders": list(data.reviewers), "units": pairable,
                                  "alpha": _r(krippendorff_alpha_nominal(matrix))}
    return out


def _unit_values(data: _Data, coder: str, pids) -> dict:
    """Program x source -> any yes among the given passages this coder decided."""
    out: dict = {}
    for p in pids:
        v = data.passage(coder, p)
        u = data.unit(p)
        if v is None or u is None:
            continue
        out[u] = out.get(u, False) or v == "yes"
    return out


def _program_level(data: _Data, pairs, resamples: int, seed: int) -> dict | None:
    if not any(r.program for r in data.rows.values()):
        return None
    comparisons = []
    for a, b in pairs:
        shared = [p for p in data.rows if data.passage(a, p) is not None and data.passage(b, p) is not None]
        ua, ub = _unit_values(data, a, shared), _unit_values(data, b, shared)
        units = sorted(ua)
        comparisons.append({"coders": [a, b], **compare([ua[u] for u in units], [ub[u] for u in units],
                                                        resamples, seed)})
    out = {"unit": "program x source" if data.doc_types else "program (give the audit JSON for sources)",
           "comparisons": comparisons}
    if len(data.reviewers) >= 2:
        per = [_unit_values(data, r, list(data.rows)) for r in data.reviewers]
        units = sorted(set().union(*per))
        matrix = [[v.get(u) for u in units] for v in per]
        pairable = sum(1 for i in range(len(units)) if sum(m[i] is not None for m in matrix) >= 2)
        out["reviewers_alpha"] = {"coders": list(data.reviewers), "units": pairable,
                                  "alpha": _r(krippendorff_alpha_nominal(matrix))}
    return out


def _reference(data: _Data) -> dict[str, str]:
    """Reviewers' reference decision per passage: the majority; ties left out."""
    out = {}
    for pid in data.rows:
        votes = Counter(data.passage(r, pid) for r in data.reviewers)
        votes.pop(None, None)
        if votes and (len(votes) == 1 or votes["yes"] != votes["no"]):
            out[pid] = votes.most_common(1)[0][0]
    return out


def _stratum(row: SheetRow) -> str:
    if row.tool_decision == "yes":
        return "flagged"
    return "sampled_negative" if row.tool_rule.startswith(NO_CANDIDATE) else "near_miss"


def tool_accuracy(data: _Data, reference: dict[str, str]) -> dict | None:
    """Precision, recall and specificity of the tool at passage level,
    estimated from the reviewed sample by strata (see module README text)."""
    if not data.has_tool:
        return None
    strata: dict[str, dict] = {s: {"passages": 0, "reviewed": 0, "reference_yes": 0, "pool": None}
                               for s in ("flagged", "near_miss", "sampled_negative")}
    for pid, row in data.rows.items():
        if not row.tool_decision:
            continue
        s = strata[_stratum(row)]
        s["passages"] += 1
        frac = sampling_fraction(row.tool_rule)
        if frac and s["pool"] is None:
            s["pool"] = frac[1]
        if pid in reference:
            s["reviewed"] += 1
            s["reference_yes"] += reference[pid] == "yes"
    neg = strata["sampled_negative"]
    neg_size = neg["pool"] if neg["pool"] is not None else neg["passages"]
    sizes = {"flagged": strata["flagged"]["passages"], "near_miss": strata["near_miss"]["passages"],
             "sampled_negative": neg_size}
    est = {}
    for name, s in strata.items():
        s["size"] = sizes[name]
        s["weight"] = _r(sizes[name] / s["reviewed"]) if s["reviewed"] else None
        est[name] = (sizes[name] * s["reference_yes"] / s["reviewed"]) if s["reviewed"] else None
    f = strata["flagged"]
    precision = f["reference_yes"] / f["reviewed"] if f["reviewed"] else None
    tp = est["flagged"]
    fn = sum(v for k, v in est.items() if k != "flagged" and v is not None)
    fp = None if tp is None else sizes["flagged"] - tp
    tn = sum(sizes[k] - v for k, v in est.items() if k != "flagged" and v is not None)
    recall = tp / (tp + fn) if tp is not None and tp + fn > 0 else None
    specificity = tn / (tn + fp) if fp is not None and tn + fp > 0 else None
    notes = ["precision: share of reviewed tool-yes passages the reviewers call yes",
             "recall: misses outside the candidates are known only from the sampled no-candidate passages, "
             "each weighted by pool size / reviewed sample (stratified estimate)"]
    if not neg["reviewed"]:
        notes.append("no sampled no-candidate passage was reviewed: recall counts only near-misses "
                     "as misses and is optimistic")
    elif neg["pool"] is None:
        notes.append("the sheet does not say how the negatives were sampled: they are weighted 1")
    return {"reference": "majority of reviewers (ties left out)", "reviewed_passages": len(reference),
            "strata": {k: {kk: v[kk] for kk in ("size", "passages", "reviewed", "reference_yes", "weight")}
                       for k, v in strata.items()},
            "precision": _r(precision), "recall": _r(recall), "specificity": _r(specificity),
            "notes": notes}


def _unit_accuracy(data: _Data, reference: dict[str, str]) -> dict | None:
    """Sensitivity/specificity of the tool's program x source decision ("mentions")
    against the reviewers', over the reviewed units."""
    units: dict = {}
    for pid, ref in reference.items():
        t = data.passage(TOOL, pid)
        u = data.unit(pid)
        if t is None or u is None:
            continue
        tool_yes, ref_yes = units.get(u, (False, False))
        units[u] = (tool_yes or t == "yes", ref_yes or ref == "yes")
    if not units:
        return None
    tp = sum(t and r for t, r in units.values())
    fn = sum(r and not t for t, r in units.values())
    tn = sum(not t and not r for t, r in units.values())
    fp = sum(t and not r for t, r in units.values())
    return {"units": len(units), "sensitivity": _r(tp / (tp + fn)) if tp + fn else None,
            "specificity": _r(tn / (tn + fp)) if tn + fp else None,
            "tool_no_reference_share": _r((tn + fn) / len(units)),
            "reviewer_no_reference_share": _r((tn + fp) / len(units))}


def rogan_gladen(apparent: float, sensitivity: float, specificity: float) -> float | None:
    """Rogan–Gladen true prevalence ``(p + Sp - 1) / (Se + Sp - 1)``, clipped to [0, 1];
    None when ``Se + Sp <= 1``."""
    j = sensitivity + specificity - 1
    if j <= 0:
        return None
    return min(1.0, max(0.0, (apparent + specificity - 1) / j))


def corrected_shares(audit: dict | None, unit_acc: dict | None) -> dict | None:
    """The audit's no-reference shares corrected with the unit-level
    sensitivity/specificity (Rogan–Gladen on the share that *mentions*)."""
    if not audit or not unit_acc:
        return None
    se, sp = unit_acc["sensitivity"], unit_acc["specificity"]
    out = {}
    for source, s in ((audit.get("summary") or {}).get("sources") or {}).items():
        share = s.get("share_no_reference")
        corrected = None
        if share is not None and se is not None and sp is not None:
            mentions = rogan_gladen(1 - share, se, sp)
            corrected = None if mentions is None else 1 - mentions
        out[source] = {"programs": s.get("programs"), "share_no_reference": share,
                       "corrected_share_no_reference": _r(corrected)}
    return {"method": "Rogan-Gladen: mentions = (q + Sp - 1) / (Se + Sp - 1), q = 1 - share_no_reference, "
                      "Se/Sp of the tool's program x source decision against the reviewers' over the reviewed "
                      "units (pooled over sources); no interval",
            "sensitivity": se, "specificity": sp, "sources": out}


def agreement_report(sheets: list[Path], audit: dict | None = None, *, resamples: int = RESAMPLES,
                     seed: int = 0, category_ids: Sequence[str] | None = None) -> dict:
    """Agreement of the tool and reviewers over one or more review sheets
    (one sheet = one reviewer), with the tool's estimated accuracy.

    ``audit`` (the scan JSON the sheets were exported from) gives documents'
    types for the program-per-source level and the shares to correct.
    """
    if not sheets:
        raise ValueError("give at least one review sheet")
    from ..rules.lexicon import shipped_category_ids

    cats = tuple(category_ids) if category_ids is not None else shipped_category_ids()
    data = _Data([Path(s) for s in sheets], audit, cats)
    pairs = data.pairs()
    reference = _reference(data)
    unit_acc = _unit_accuracy(data, reference) if data.has_tool else None
    return {
        "sheets": data.sheet_info,
        "passages": len(data.rows),
        "passage": _level_report(data, data.passage, pairs, resamples, seed),
        "categories": {c: _level_report(data, lambda coder, pid, c=c: data.category(coder, pid, c), pairs,
                                        resamples, seed) for c in cats},
        "program_source": _program_level(data, pairs, resamples, seed),
        "tool_accuracy": tool_accuracy(data, reference),
        "tool_accuracy_program_source": unit_acc,
        "corrected_no_reference": corrected_shares(audit, unit_acc),
        "method": {"kappa": "Cohen's kappa; 95% percentile bootstrap over units "
                            f"({resamples} resamples, seed {seed})",
                   "alpha": "Krippendorff's alpha, nominal, coincidence matrix, missing values allowed"},
    }


# ---------------------------------------------------------------- table

def _fmt(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def _comparison_lines(level: dict, indent: str = "  ") -> list[str]:
    lines = []
    for c in level["comparisons"]:
        ci = c["kappa_ci95"]
        ci_text = "" if ci is None else f" [{_fmt(ci[0])}, {_fmt(ci[1])}]"
        pa = "–" if c["percent_agreement"] is None else f"{100 * c['percent_agreement']:.1f}%"
        lines.append(f"{indent}{c['coders'][0]} vs {c['coders'][1]}: {c['units']} units, agreement {pa}, "
                     f"kappa {_fmt(c['kappa'])}{ci_text}, alpha {_fmt(c['alpha'])}")
    ra = level.get("reviewers_alpha")
    if ra:
        lines.append(f"{indent}reviewers ({', '.join(ra['coders'])}): alpha {_fmt(ra['alpha'])} "
                     f"over {ra['units']} units")
    return lines


def render_agreement(rep: dict) -> str:
    lines = [f"{len(rep['sheets'])} sheet(s), {rep['passages']} passages"]
    for s in rep["sheets"]:
        lines.append(f"  {s['coder']}: {s['decided']} of {s['passages']} passages decided ({s['file']})")
    lines += ["", "Passage level (yes/no)"] + _comparison_lines(rep["passage"])
    if rep["program_source"]:
        lines += ["", f"Program level ({rep['program_source']['unit']})"] + _comparison_lines(rep["program_source"])
    lines += ["", "Per category (present/absent)"]
    for c, level in rep["categories"].items():
        lines += [f"  {c}"] + _comparison_lines(level, "    ")
    acc = rep["tool_accuracy"]
    if acc:
        lines += ["", f"Tool accuracy at passage level (reference: {acc['reference']}, "
                      f"{acc['reviewed_passages']} passages)",
                  f"  precision {_fmt(acc['precision'])}, recall {_fmt(acc['recall'])} (estimated), "
                  f"specificity {_fmt(acc['specificity'])}"]
        for name, s in acc["strata"].items():
            lines.append(f"  {name}: {s['reviewed']} of {s['size']} reviewed, {s['reference_yes']} yes")
        lines += [f"  note: {n}" for n in acc["notes"]]
    ua = rep["tool_accuracy_program_source"]
    if ua:
        lines += ["", f"Tool at program x source level: {ua['units']} reviewed units, sensitivity "
                      f"{_fmt(ua['sensitivity'])}, specificity {_fmt(ua['specificity'])}"]
    cs = rep["corrected_no_reference"]
    if cs:
        lines += ["", "Corrected no-reference share (Rogan-Gladen)"]
        for source, s in cs["sources"].items():
            lines.append(f"  {source}: observed {_fmt(s['share_no_reference'])}, "
                         f"corrected {_fmt(s['corrected_share_no_reference'])} "
                         f"({s['programs']} program{'' if s['programs'] == 1 else 's'})")
    return "\n".join(lines) + "\n"
