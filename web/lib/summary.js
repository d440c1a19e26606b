// The plan's summary (the "summary" text of GET /api/plans/N, report/
// unit_summary.h) read into its parts: each rule with the units broken,
// each wish with units and cost, the fairness lines, the broken rules and
// the watches nobody stands. The text is the engine's (English); the rule
// names are put into the page's language where the catalog has them.

// Lines of the section that starts with a line beginning `heading`, up to the next blank line.
function section(text, heading) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) return { head: '', lines: [] };
  const out = [];
  for (let i = start + 1; i < lines.length && lines[i].trim() !== ''; ++i) out.push(lines[i]);
  return { head: lines[start], lines: out };
}

const listed = (lines) => lines.filter((l) => l.startsWith('  - ') || l.startsWith('  ...')).map((l) => l.slice(4).trim() || l.trim());

export function readSummary(text) {
  const s = String(text || '');
  const rules = section(s, 'Rules (units broken):').lines.map((l) => {
    const [rule, units, word] = l.trim().split(/\s+/);
    return { rule, units: units === 'off' ? null : Number(units), kept: word === 'kept', off: units === 'off' };
  });
  const wishSection = section(s, 'Wishes (units, cost):').lines;
  const wishes = wishSection.filter((l) => l.startsWith('  ')).map((l) => {
    const m = /^\s+(\S+)\s+(\S+)(?:\s+cost (\d+))?/.exec(l);
    return { rule: m[1], units: m[2] === 'off' ? null : Number(m[2]), cost: m[3] ? Number(m[3]) : null, off: m[2] === 'off' };
  });
  const requests = (/Personal requests met: (\d+) of (\d+)/.exec(s) || []).slice(1).map(Number);
  const fairness = section(s, 'Fairness').lines.map((l) => l.trim());
  const broken = section(s, 'Broken rules');
  const uncovered = section(s, 'UNCOVERED');
  return {
    rules,
    wishes,
    requests: requests.length ? { met: requests[0], of: requests[1] } : null,
    fairnessHead: section(s, 'Fairness').head,
    fairness,
    broken: listed(broken.lines),
    brokenHead: broken.head,
    uncovered: listed(uncovered.lines),
    uncoveredHead: uncovered.head,
  };
}

// A rule's name in the page's words ("watch-cover" -> "Both watchers at every post"), else as the engine names it.
export function ruleName(rule, t) {
  const key = `rule.${rule}`;
  const text = t(key);
  return text === key ? rule : text;
}
