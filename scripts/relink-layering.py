#!/usr/bin/env python3
"""One-off: move files to the layered folders and rewrite relative imports (src, tests, bench).
Re-runnable: moves only files still at their old place; rewrites any import of an old path."""
import os, re, subprocess, sys
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
os.chdir(ROOT)
MOVES = {
  'src/routine/model.ts': 'src/core/model.ts',
  'src/routine/schema.ts': 'src/core/schema.ts',
  'src/routine/diagnostics.ts': 'src/core/diagnostics.ts',
  'src/session/events.ts': 'src/core/events.ts',
  'src/ui/i18n.ts': 'src/core/i18n.ts',
  'src/engine/conditions.ts': 'src/core/conditions.ts',
  'src/engine/calendar.ts': 'src/core/calendar.ts',
  'src/engine/time-order.ts': 'src/core/time-order.ts',
  'src/errors.ts': 'src/core/errors.ts',
  'src/terminal-text.ts': 'src/core/terminal-text.ts',
  'src/version.ts': 'src/core/version.ts',
  'src/fs-safe.ts': 'src/core/fs-safe.ts',
  'src/context.ts': 'src/core/context.ts',
  'src/session/started.ts': 'src/engine/started.ts',
  'src/routine/scenario.ts': 'src/owner/scenario.ts',
  'src/routine/scenario-coverage.ts': 'src/owner/scenario-coverage.ts',
  'src/routine/diff.ts': 'src/owner/diff.ts',
  'src/routine/diff-nodes.ts': 'src/owner/diff-nodes.ts',
  'src/routine/json-schema.ts': 'src/owner/json-schema.ts',
}
for f in sorted(os.listdir('src/ui/messages')) if os.path.isdir('src/ui/messages') else []:
  MOVES[f'src/ui/messages/{f}'] = f'src/core/messages/{f}'
# also map every messages file already moved (for re-runs)
if os.path.isdir('src/core/messages'):
  for f in os.listdir('src/core/messages'):
    MOVES.setdefault(f'src/ui/messages/{f}', f'src/core/messages/{f}')

for old, new in MOVES.items():
  if os.path.exists(old):
    os.makedirs(os.path.dirname(new), exist_ok=True)
    subprocess.run(['git', 'mv', old, new], check=True)

def dist(p):  # src/x.ts <-> dist/x.js
  return 'dist/' + p[4:-3] + '.js'
DMOVES = {dist(o): dist(n) for o, n in MOVES.items()}

SPEC = re.compile(r"""((?:from|import|vi\.mock|vi\.doMock|require)\s*\(?\s*)(['"])(\.{1,2}/[^'"]+)\2""")

def rewrite(path):
  src = open(path).read()
  here = os.path.dirname(path)
  # where was this file before the move? (imports in moved files were written relative to the old place)
  old_of = {n: o for o, n in MOVES.items()}
  old_here = os.path.dirname(old_of.get(path, path))
  def fix(m):
    spec = m.group(3)
    for base in (old_here, here):
      target = os.path.normpath(os.path.join(base, spec))
      cand_ts = target[:-3] + '.ts' if target.endswith('.js') else target
      if cand_ts in MOVES:
        newt = MOVES[cand_ts]; newt = newt[:-3] + '.js' if spec.endswith('.js') else newt
        break
      if target in DMOVES:
        newt = DMOVES[target]; break
      if os.path.exists(cand_ts) or os.path.exists(target) or target.startswith('dist/'):
        newt = target; break
    else:
      return m.group(0)
    rel = os.path.relpath(newt, here)
    if not rel.startswith('.'): rel = './' + rel
    return m.group(1) + m.group(2) + rel + m.group(2)
  out = SPEC.sub(fix, src)
  if out != src:
    open(path, 'w').write(out)

for top in ('src', 'tests', 'bench', 'scripts'):
  for d, _, fs in os.walk(top):
    for f in fs:
      if f.endswith(('.ts', '.mjs', '.js')) and not f.endswith('.d.ts'):
        rewrite(os.path.join(d, f))
print('moved', sum(1 for n in MOVES.values() if os.path.exists(n)), 'files')
